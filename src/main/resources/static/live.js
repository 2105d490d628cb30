// Live updates of an article's discussion over Server-Sent Events (GET /live/discussions/{id}).
// New comments wait behind a "N new comments — show" button so the text being read does not
// move; replies to the reader's own comments, edits, removals, votes and the count apply at once.

const MAX_INDENT = 5;
const section = document.querySelector('section.discussion[data-discussion]');
if (section && 'EventSource' in window) follow(section);

function follow(section) {
  const discussion = section.dataset.discussion;
  const thread = section.querySelector('ol[data-role="thread"]');
  const countEl = section.querySelector('.comment-count');
  const slug = document.querySelector('article[data-article]')?.dataset.article;
  let count = Number(countEl?.dataset.count ?? 0);
  let lastEventId = null;   // the last event applied, for reconnecting without a gap
  let waiting = [];         // published comments not yet shown
  let behind = 0;           // comments that arrived before the stream opened: shown by reloading the thread
  let source = null;
  let delay = 1000;

  const bar = document.createElement('button');
  bar.type = 'button';
  bar.className = 'live-new';
  bar.hidden = true;
  bar.addEventListener('click', showWaiting);
  thread?.before(bar);

  open();

  function open() {
    const url = `/live/discussions/${discussion}` + (lastEventId ? `?lastEventId=${encodeURIComponent(lastEventId)}` : '');
    source = new EventSource(url);
    source.addEventListener('ready', (ev) => {
      const d = JSON.parse(ev.data);
      delay = 1000;
      if (lastEventId === null) {
        // The page may have been rendered (or cached) a little before the stream opened.
        lastEventId = String(d.lastEventId);
        behind = Math.max(0, d.commentCount - count);
      }
      if (d.reload) behind = Math.max(behind, 1);
      setCount(d.commentCount);
      section.dataset.open = String(d.open);
      updateBar();
    });
    on('comment.published', published);
    on('comment.edited', edited);
    on('comment.removed', removed);
    on('comment.voted', (d) => {
      const score = own(byId(d.id), '.score');
      if (score) { score.textContent = d.score; score.dataset.score = d.score; }
    });
    on('discussion.closed', () => { section.dataset.open = 'false'; });
    on('discussion.opened', () => { section.dataset.open = 'true'; });
    source.onerror = () => {
      // Reopen ourselves rather than rely on the browser: then the query always carries our last
      // event id, also after a 503 or a restarted node, which make EventSource give up.
      source.close();
      setTimeout(open, delay + Math.random() * delay);
      delay = Math.min(delay * 2, 60000);
    };
  }

  function on(kind, apply) {
    source.addEventListener(kind, (ev) => {
      lastEventId = ev.lastEventId || lastEventId;
      apply(JSON.parse(ev.data));
    });
  }

  function published(d) {
    if (typeof d.commentCount === 'number') setCount(d.commentCount);
    if (!d.html || byId(d.id)) return;
    const parent = d.parentId ? byId(d.parentId) : null;
    if (parent && isMine(parent)) {
      insert(d);
      return;
    }
    waiting.push(d);
    updateBar();
  }

  function edited(d) {
    const li = byId(d.id);
    const body = own(li, '.comment-body');
    if (body && d.html) body.innerHTML = d.html;   // sanitized on the server
    const w = waiting.find((x) => x.id === d.id);
    if (w && d.html) w.html = d.html;
  }

  function removed(d) {
    if (typeof d.commentCount === 'number') setCount(d.commentCount);
    waiting = waiting.filter((x) => x.id !== d.id);
    updateBar();
    const li = byId(d.id);
    if (!li) return;
    if (li.querySelector('li.comment')) {
      li.classList.add('tombstone');
      const name = own(li, '.name');
      if (name) name.textContent = '[deleted]';
      const body = own(li, '.comment-body');
      if (body) body.innerHTML = '<p>[deleted]</p>';
      own(li, '.comment-actions')?.remove();
    } else {
      li.remove();
    }
  }

  function updateBar() {
    const n = waiting.length + behind;
    bar.hidden = n === 0;
    bar.textContent = `${n} new comment${n === 1 ? '' : 's'} — show`;
  }

  async function showWaiting() {
    const shown = waiting;
    waiting = [];
    if (behind > 0 && slug) {
      behind = 0;
      const sort = section.dataset.sort || 'oldest';
      const res = await fetch(`/articles/${encodeURIComponent(slug)}/thread?sort=${encodeURIComponent(sort)}`,
        { headers: { Accept: 'text/html' }, credentials: 'same-origin' });
      if (res.ok) thread.innerHTML = await res.text();
    }
    for (const d of shown) insert(d);
    updateBar();
    bar.nextElementSibling?.querySelector('.live-fresh')?.scrollIntoView({ block: 'nearest' });
  }

  function insert(d) {
    if (byId(d.id)) return;
    const li = render(d);
    if (d.parentId) {
      const parent = byId(d.parentId);
      if (!parent) return;
      let replies = parent.querySelector(':scope > ol.replies');
      if (!replies) {
        replies = document.createElement('ol');
        replies.className = 'replies';
        parent.append(replies);
      }
      replies.append(li);
    } else if ((section.dataset.sort || 'oldest') === 'newest') {
      thread.prepend(li);
    } else if (!section.querySelector('.load-more')) {
      thread.append(li);   // on the last page: it belongs at the end
    }
    section.querySelector('.no-comments')?.remove();
  }

  function render(d) {
    const li = el('li', `comment indent-${Math.min(d.depth, MAX_INDENT)} live-fresh`);
    li.id = `comment-${d.id}`;
    li.dataset.id = d.id;
    li.dataset.depth = d.depth;
    const main = el('div', 'comment-main');
    const head = el('header', 'comment-head');
    if (d.number && !d.parentId) head.append(link(`/c/${d.id}`, 'number', `${d.number}.`), ' ');
    head.append(el('span', 'name', d.author.name), ' ');
    if (d.author.badge) head.append(el('span', `badge badge-${d.author.badge.toLowerCase()}`, d.author.badge), ' ');
    const time = el('time', '', 'just now');
    time.dateTime = d.createdAt;
    time.title = new Date(d.createdAt).toLocaleString();
    const permalink = link(`/c/${d.id}`, 'permalink');
    permalink.append(time);
    head.append(permalink);
    const body = el('div', 'comment-body');
    body.innerHTML = d.html;   // sanitized on the server
    const actions = el('footer', 'comment-actions');
    const vote = el('form', 'vote');
    vote.method = 'post';
    vote.action = `/c/${d.id}/vote`;
    if (section.dataset.csrf) {
      const csrf = document.createElement('input');
      Object.assign(csrf, { type: 'hidden', name: 'csrf', value: section.dataset.csrf });
      vote.append(csrf);
    }
    vote.append(button('1', 'up', 'Vote up', '▲'), el('span', 'score', String(d.score)), button('-1', 'down', 'Vote down', '▼'));
    vote.querySelector('.score').dataset.score = d.score;
    actions.append(vote, ' ');
    if (section.dataset.open === 'true') {
      const reply = link(`/articles/${slug}?reply=${d.id}&sort=${section.dataset.sort || 'oldest'}#reply-${d.id}`, 'reply', 'Reply');
      reply.dataset.reply = d.id;
      actions.append(reply, ' ');
    }
    actions.append(link(`/c/${d.id}`, 'share', 'Link'));
    main.append(head, body, actions);
    li.append(main);
    return li;
  }

  function setCount(n) {
    count = n;
    if (!countEl) return;
    countEl.dataset.count = n;
    countEl.textContent = n === 0 ? 'No comments' : `${n.toLocaleString('en')} comment${n === 1 ? '' : 's'}`;
  }

  function byId(id) { return document.getElementById(`comment-${id}`); }
}

// An element of this comment itself, not of one of its replies.
function own(li, selector) { return li?.querySelector(`:scope > .comment-main ${selector}`) ?? null; }

// The reader wrote this comment: the page offers them its delete button.
function isMine(li) { return !!own(li, 'form.delete'); }

function el(tag, className, text) {
  const e = document.createElement(tag);
  if (className) e.className = className;
  if (text !== undefined) e.textContent = text;
  return e;
}

function link(href, className, text) {
  const a = el('a', className, text);
  a.href = href;
  return a;
}

function button(value, className, label, text) {
  const b = el('button', className, text);
  Object.assign(b, { name: 'value', value });
  b.setAttribute('aria-label', label);
  b.setAttribute('aria-pressed', 'false');
  return b;
}
