// Tribune's page script. Every page works without it (plain links and forms); this module only
// makes things happen in place: relative times, posting and replying, voting, loading more,
// editing and deleting one's own comments. Whatever fails here falls back to the plain way.

const MINUTE = 60_000;
const thread = document.querySelector('#comments');

// ---------------------------------------------------------------------------------------------
// Times: the server writes exact UTC times; the reader sees "5 minutes ago" in their own language.

const relativeFormat = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' });
const exactFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'long', timeStyle: 'short' });
const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'long' });
const STEPS = [[60, 'second'], [3600, 'minute'], [86400, 'hour'], [86400 * 30, 'day']];

export function relativeTime(date, now = Date.now()) {
  const ago = Math.max(0, (now - date.getTime()) / 1000);
  if (ago < 45) return relativeFormat.format(0, 'second');
  if (ago < 60) return relativeFormat.format(-1, 'minute');
  const divisors = { second: 1, minute: 60, hour: 3600, day: 86400 };
  for (const [limit, unit] of STEPS) {
    if (ago < limit) return relativeFormat.format(-Math.round(ago / divisors[unit]), unit);
  }
  // Older things read better as a date than as "14 months ago".
  return dateFormat.format(date);
}

function refreshTimes(root = document) {
  const now = Date.now();
  for (const t of root.querySelectorAll('time[datetime]')) {
    const date = new Date(t.getAttribute('datetime'));
    if (Number.isNaN(date.getTime())) continue;
    t.textContent = relativeTime(date, now);
    t.title = exactFormat.format(date);
  }
  for (const e of root.querySelectorAll('.edited[data-at]')) {
    const date = new Date(e.dataset.at);
    if (!Number.isNaN(date.getTime())) e.title = `Edited ${exactFormat.format(date)}`;
  }
  // The server also refuses late edits; this only stops offering what would be refused.
  for (const a of root.querySelectorAll('a.edit[data-until]')) {
    if (Date.parse(a.dataset.until) <= now) a.remove();
  }
}

// ---------------------------------------------------------------------------------------------
// Talking to the server.

const csrf = () => thread?.dataset.csrf || '';
const articlePath = () => thread?.dataset.path || location.pathname;

/**
 * Posts a form the way the browser would, but without leaving the page. A plain form post that
 * succeeds answers 303; we stop at that redirect (manual), which is all the success we need.
 */
async function postForm(action, params) {
  const res = await fetch(action, {
    method: 'POST', body: params, redirect: 'manual', headers: { Accept: 'text/html' },
  });
  return { ok: res.type === 'opaqueredirect' || res.ok, res };
}

/** What went wrong, from an API problem+json or from the HTML page the plain form answers with. */
async function problemOf(res, formId) {
  const fallback = `That did not work (HTTP ${res.status}). Please try again.`;
  try {
    const type = res.headers.get('Content-Type') || '';
    if (type.includes('json')) {
      const p = await res.json();
      return { detail: p.detail || fallback, errors: p.errors || {} };
    }
    const page = new DOMParser().parseFromString(await res.text(), 'text/html');
    const form = formId ? page.getElementById(formId) : null;
    const errors = {};
    for (const e of (form || page).querySelectorAll('.field-error[data-field]')) {
      errors[e.dataset.field] = e.textContent.trim();
    }
    const message = (form || page).querySelector('.form-error, [role=alert]');
    return { detail: message ? message.textContent.trim() : fallback, errors };
  } catch {
    return { detail: fallback, errors: {} };
  }
}

/** One page of the thread as server-rendered list items, with the next cursor and the count. */
async function threadPage(params) {
  const res = await fetch(`${articlePath()}/thread?${new URLSearchParams(params)}`, { headers: { Accept: 'text/html' } });
  if (!res.ok) throw new Error(`thread page: HTTP ${res.status}`);
  const holder = document.createElement('template');
  holder.innerHTML = await res.text();
  return {
    items: [...holder.content.children].filter((e) => e.matches('li.comment')),
    next: res.headers.get('X-Next-Cursor'),
    count: res.headers.get('X-Comment-Count'),
  };
}

// ---------------------------------------------------------------------------------------------
// Putting server-rendered comments into the page.

const list = () => thread.querySelector('ol[data-role=thread]');
const shownIds = () => new Set([...thread.querySelectorAll('li.comment')].map((li) => li.id));
const rootOf = (li) => thread.querySelector(`ol[data-role=thread] > li#comment-${li.dataset.root}`) || li;

function updateCount(count) {
  if (count == null) return;
  const n = Number(count);
  const el = document.querySelector('.comment-count');
  if (!el || Number.isNaN(n)) return;
  el.dataset.count = n;
  el.textContent = n === 0 ? 'No comments' : `${n.toLocaleString()} comment${n === 1 ? '' : 's'}`;
}

function added(li) {
  refreshTimes(li);
  thread.querySelector('.no-comments')?.remove();
}

/** Brings the reader to the comment that just appeared: the one they wrote, or else the first new one. */
function showNew(scope, before) {
  const all = scope.matches('li.comment') ? [scope, ...scope.querySelectorAll('li.comment')] : [...scope.querySelectorAll('li.comment')];
  const fresh = all.filter((li) => !before.has(li.id));
  const mine = fresh.find((li) => li.querySelector(':scope > .comment-main .delete, :scope > .comment-main .edit'));
  const target = mine || fresh[0];
  if (!target) return;
  target.classList.add('just-posted');
  target.tabIndex = -1;
  target.scrollIntoView({ block: 'center' });
  target.focus({ preventScroll: true });
}

/** Fetches a top-level comment's whole subtree again and swaps it in (or takes it away when it is gone). */
async function refreshRoot(rootId) {
  const current = document.getElementById(`comment-${rootId}`);
  // On the oldest-first order, the page that starts right after id-1 starts with this comment.
  const page = await threadPage({ sort: 'oldest', after: String(Number(rootId) - 1) });
  updateCount(page.count);
  const fresh = page.items.find((li) => li.id === `comment-${rootId}`);
  if (!fresh) {
    current?.remove();
    return null;
  }
  if (current) current.replaceWith(fresh); else list().append(fresh);
  added(fresh);
  return fresh;
}

/** After a new top-level comment: fetch the newest ones and put the ones not shown where the order wants them. */
async function insertNewest(before) {
  const page = await threadPage({ sort: 'newest' });
  updateCount(page.count);
  const fresh = page.items.filter((li) => !before.has(li.id));
  const sort = thread.dataset.sort;
  // The page lists newest first: walk it oldest first, so appending or prepending keeps the order.
  for (const li of fresh.slice().reverse()) {
    if (sort === 'oldest') list().append(li); else list().prepend(li);
    added(li);
  }
  return fresh;
}

// ---------------------------------------------------------------------------------------------
// Forms: messages in place, keeping what was typed.

function clearErrors(form) {
  form.querySelectorAll('.field-error, .form-error').forEach((e) => e.remove());
  form.querySelectorAll('[aria-invalid=true]').forEach((e) => e.setAttribute('aria-invalid', 'false'));
}

function showErrors(form, problem) {
  clearErrors(form);
  let placed = 0;
  for (const [field, message] of Object.entries(problem.errors || {})) {
    const box = form.querySelector(`.field[data-field="${field}"]`) || form.querySelector('.field[data-field=body]');
    if (!box) continue;
    const p = document.createElement('p');
    p.className = 'field-error';
    p.dataset.field = field;
    p.textContent = message;
    box.append(p);
    box.querySelector('input, textarea')?.setAttribute('aria-invalid', 'true');
    placed++;
  }
  if (!placed || problem.detail && !Object.values(problem.errors || {}).includes(problem.detail)) {
    const p = document.createElement('p');
    p.className = 'form-error';
    p.setAttribute('role', 'alert');
    p.textContent = problem.detail;
    form.prepend(p);
  }
  form.querySelector('[aria-invalid=true]')?.focus();
}

function busy(form, on) {
  form.toggleAttribute('aria-busy', on);
  form.querySelectorAll('button').forEach((b) => { b.disabled = on; });
}

function remember(form) {
  for (const name of ['name', 'email']) {
    const v = form.elements[name]?.value;
    if (v != null) try { localStorage.setItem(`tribune.${name}`, v); } catch { /* private mode: forget it */ }
  }
}

function recall(form) {
  for (const name of ['name', 'email']) {
    const input = form.elements[name];
    if (!input || input.value) continue;
    try { input.value = localStorage.getItem(`tribune.${name}`) || ''; } catch { /* nothing remembered */ }
  }
}

async function postComment(form) {
  const parentId = form.elements.parentId?.value;
  const before = shownIds();
  busy(form, true);
  let sent;
  try {
    sent = await postForm(form.action, new URLSearchParams(new FormData(form)));
  } catch {
    busy(form, false);
    showErrors(form, { detail: 'Could not reach the server; your text is still here. Please try again.', errors: {} });
    return;
  }
  if (!sent.ok) {
    busy(form, false);
    showErrors(form, await problemOf(sent.res, form.id));
    return;
  }
  remember(form);
  try {
    if (parentId) {
      const parent = document.getElementById(`comment-${parentId}`);
      const fresh = await refreshRoot(parent ? rootOf(parent).dataset.id : parentId);
      if (fresh) showNew(fresh, before);
    } else {
      form.elements.body.value = '';
      clearErrors(form);
      busy(form, false);
      const fresh = await insertNewest(before);
      if (fresh.length) showNew(list(), before);
    }
  } catch {
    // Posted, but showing it in place failed: the plain page will show it.
    location.reload();
  }
}

function openReply(link) {
  const li = link.closest('li.comment');
  const id = li.dataset.id;
  const open = document.getElementById(`reply-${id}`);
  if (open) { open.elements.body.focus(); return; }
  const main = document.getElementById('comment-form');
  if (!main) { location.href = link.href; return; }
  const form = main.cloneNode(true);
  form.id = `reply-${id}`;
  form.classList.add('reply-form');
  form.reset();
  clearErrors(form);
  // The reply link names the page this comment is on, so a plain fallback lands in the right place.
  const query = new URL(link.href, location.href).searchParams;
  query.delete('reply');
  form.action = `${articlePath()}/comments?${query}`;
  const parent = document.createElement('input');
  Object.assign(parent, { type: 'hidden', name: 'parentId', value: id });
  form.prepend(parent);
  for (const name of ['name', 'email']) {
    if (form.elements[name] && main.elements[name]) form.elements[name].value = main.elements[name].value;
  }
  recall(form);
  form.querySelector('.label-text').textContent = 'Your reply';
  form.elements.body.rows = 3;
  form.querySelector('button[type=submit]').textContent = 'Post reply';
  form.querySelector('.hint')?.remove();
  const cancel = document.createElement('button');
  Object.assign(cancel, { type: 'button', className: 'cancel', textContent: 'Cancel' });
  form.querySelector('.form-actions').append(cancel);
  li.querySelector(':scope > .comment-main').append(form);
  form.elements.body.focus();
}

// ---------------------------------------------------------------------------------------------
// Votes.

function voteState(form) {
  const up = form.querySelector('button.up');
  const down = form.querySelector('button.down');
  return up?.classList.contains('chosen') ? 1 : down?.classList.contains('chosen') ? -1 : 0;
}

function showVote(form, myVote, score) {
  const up = form.querySelector('button.up');
  const down = form.querySelector('button.down');
  up.value = myVote === 1 ? '0' : '1';
  down.value = myVote === -1 ? '0' : '-1';
  up.classList.toggle('chosen', myVote === 1);
  down.classList.toggle('chosen', myVote === -1);
  up.setAttribute('aria-pressed', String(myVote === 1));
  down.setAttribute('aria-pressed', String(myVote === -1));
  if (score != null) {
    const s = form.querySelector('.score');
    s.textContent = score;
    s.dataset.score = score;
  }
}

function voteMessage(form, text) {
  const footer = form.closest('.comment-actions');
  let note = footer.querySelector('.vote-message');
  if (!text) { note?.remove(); return; }
  if (!note) {
    note = document.createElement('span');
    note.className = 'vote-message';
    note.setAttribute('role', 'status');
    form.after(note);
  }
  note.textContent = text;
}

async function vote(form, button) {
  const id = form.closest('li.comment').dataset.id;
  const value = Number(button.value);
  const was = voteState(form);
  const score = Number(form.querySelector('.score').dataset.score);
  busy(form, true);
  voteMessage(form, '');
  try {
    let res = null;
    try {
      res = await fetch(`/api/v1/comments/${id}/vote`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json', ...(csrf() ? { 'X-CSRF-Token': csrf() } : {}) },
        body: JSON.stringify({ value }),
      });
    } catch { res = null; }
    if (res && res.ok) {
      const tally = await res.json().catch(() => ({}));
      showVote(form, tally.myVote ?? value, tally.score ?? score - was + value);
      return;
    }
    if (res && res.status !== 404 && res.status !== 405) {
      voteMessage(form, (await problemOf(res)).detail);
      return;
    }
    // No JSON API on this server: the plain form does the same.
    const params = new URLSearchParams(new FormData(form));
    params.set('value', String(value));
    const sent = await postForm(form.action, params);
    if (sent.ok) showVote(form, value, score - was + value);
    else voteMessage(form, (await problemOf(sent.res)).detail);
  } catch {
    voteMessage(form, 'Could not reach the server. Please try again.');
  } finally {
    busy(form, false);
  }
}

// ---------------------------------------------------------------------------------------------
// Load more.

async function loadMore(link) {
  if (link.getAttribute('aria-busy')) return;
  link.setAttribute('aria-busy', 'true');
  const label = link.textContent;
  link.textContent = 'Loading…';
  try {
    const page = await threadPage({ sort: thread.dataset.sort, after: link.dataset.cursor });
    updateCount(page.count);
    let first = null;
    for (const li of page.items) {
      // A comment already shown (say, one just posted) moves to its place in the order.
      document.getElementById(li.id)?.remove();
      list().append(li);
      added(li);
      first ??= li;
    }
    if (page.next) {
      link.dataset.cursor = page.next;
      link.href = `${articlePath()}?sort=${encodeURIComponent(thread.dataset.sort)}&after=${encodeURIComponent(page.next)}#comments`;
      link.textContent = label;
      link.removeAttribute('aria-busy');
    } else {
      link.closest('.more').remove();
    }
    if (first) { first.tabIndex = -1; first.focus({ preventScroll: true }); }
  } catch {
    location.href = link.href;
  }
}

// ---------------------------------------------------------------------------------------------
// Editing and deleting one's own comment.

async function openEdit(link) {
  const li = link.closest('li.comment');
  const main = li.querySelector(':scope > .comment-main');
  if (main.querySelector('form.edit-form')) return;
  let source;
  try {
    const res = await fetch(link.href, { headers: { Accept: 'text/html' } });
    if (!res.ok) { voteMessage(main.querySelector('form.vote'), (await problemOf(res)).detail); return; }
    source = new DOMParser().parseFromString(await res.text(), 'text/html').querySelector('textarea[name=body]')?.value;
  } catch { source = undefined; }
  if (source == null) { location.href = link.href; return; }
  const form = document.createElement('form');
  form.className = 'edit-form comment-form';
  form.method = 'post';
  form.action = link.href;
  form.innerHTML = `<div class="field" data-field="body"><label class="body-label"><span class="label-text">Edit your comment</span>
    <textarea name="body" rows="5"></textarea></label></div>
    <p class="form-actions"><button type="submit" class="primary">Save</button> <button type="button" class="cancel">Cancel</button></p>`;
  form.elements.body.value = source;
  if (csrf()) {
    const token = document.createElement('input');
    Object.assign(token, { type: 'hidden', name: 'csrf', value: csrf() });
    form.append(token);
  }
  main.querySelector(':scope > .comment-body').hidden = true;
  main.querySelector(':scope > .comment-actions').hidden = true;
  main.querySelector(':scope > .comment-body').after(form);
  form.elements.body.focus();
}

function closeForm(form) {
  const main = form.closest('.comment-main');
  if (form.matches('.edit-form') && main) {
    main.querySelector(':scope > .comment-body').hidden = false;
    main.querySelector(':scope > .comment-actions').hidden = false;
  }
  form.remove();
}

async function saveEdit(form) {
  const li = form.closest('li.comment');
  busy(form, true);
  try {
    const sent = await postForm(form.action, new URLSearchParams(new FormData(form)));
    if (!sent.ok) {
      busy(form, false);
      showErrors(form, await problemOf(sent.res));
      return;
    }
    const fresh = await refreshRoot(rootOf(li).dataset.id);
    const edited = fresh && document.getElementById(li.id);
    if (edited) { edited.classList.add('just-posted'); edited.scrollIntoView({ block: 'nearest' }); }
  } catch {
    busy(form, false);
    showErrors(form, { detail: 'Could not reach the server; your text is still here. Please try again.', errors: {} });
  }
}

async function deleteComment(form) {
  // eslint-disable-next-line no-alert
  if (!window.confirm('Delete your comment? This cannot be undone.')) return;
  const li = form.closest('li.comment');
  const rootId = rootOf(li).dataset.id;
  busy(form, true);
  try {
    const sent = await postForm(form.action, new URLSearchParams(new FormData(form)));
    if (!sent.ok) {
      busy(form, false);
      voteMessage(li.querySelector(':scope > .comment-main form.vote'), (await problemOf(sent.res)).detail);
      return;
    }
    await refreshRoot(rootId);
  } catch {
    location.reload();
  }
}

// ---------------------------------------------------------------------------------------------
// Personal bits. The page itself may come from a shared cache; what is mine comes from this call.

function ensureEditLink(li) {
  const footer = li.querySelector(':scope > .comment-main > .comment-actions');
  if (!footer || footer.querySelector('a.edit')) return;
  const a = document.createElement('a');
  Object.assign(a, { className: 'edit', href: `/c/${li.dataset.id}/edit`, textContent: 'Edit' });
  footer.querySelector('a.share')?.after(a);
}

function ensureDeleteForm(li) {
  const footer = li.querySelector(':scope > .comment-main > .comment-actions');
  if (!footer || footer.querySelector('form.delete')) return;
  const form = document.createElement('form');
  Object.assign(form, { method: 'post', action: `/c/${li.dataset.id}/delete`, className: 'delete' });
  form.innerHTML = '<button type="submit">Delete</button>';
  if (csrf()) {
    const token = document.createElement('input');
    Object.assign(token, { type: 'hidden', name: 'csrf', value: csrf() });
    form.prepend(token);
  }
  footer.append(form);
}

async function personalise() {
  const id = thread.dataset.discussion;
  let me;
  try {
    const res = await fetch(`/api/v1/discussions/${id}/me`, { headers: { Accept: 'application/json' } });
    if (!res.ok) return; // without the API the server already rendered what is mine
    me = await res.json();
  } catch { return; }
  for (const [commentId, value] of Object.entries(me.myVotes || {})) {
    const form = document.querySelector(`#comment-${commentId} > .comment-main form.vote`);
    if (form) showVote(form, Number(value), null);
  }
  for (const commentId of me.mine || []) {
    const li = document.getElementById(`comment-${commentId}`);
    if (li) ensureDeleteForm(li);
  }
  for (const commentId of me.editable || []) {
    const li = document.getElementById(`comment-${commentId}`);
    if (li) ensureEditLink(li);
  }
}

// ---------------------------------------------------------------------------------------------
// Wiring: one listener per kind of event on the discussion, so comments added later just work.

function enhanceDiscussion() {
  document.documentElement.classList.add('js');
  thread.addEventListener('click', (e) => {
    const target = e.target.closest('a, button');
    if (!target || e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    if (target.matches('a.reply')) { e.preventDefault(); openReply(target); }
    else if (target.matches('a.load-more')) { e.preventDefault(); loadMore(target); }
    else if (target.matches('a.edit')) { e.preventDefault(); openEdit(target); }
    else if (target.matches('.comment-form .cancel')) { e.preventDefault(); closeForm(target.closest('form')); }
  });
  thread.addEventListener('submit', (e) => {
    const form = e.target;
    if (form.matches('form.vote')) { e.preventDefault(); if (e.submitter) vote(form, e.submitter); }
    else if (form.matches('form.edit-form')) { e.preventDefault(); saveEdit(form); }
    else if (form.matches('form.comment-form')) { e.preventDefault(); postComment(form); }
    else if (form.matches('form.delete')) { e.preventDefault(); deleteComment(form); }
  });
  const main = document.getElementById('comment-form');
  if (main) recall(main);
  personalise();
}

refreshTimes();
setInterval(refreshTimes, MINUTE);
if (thread) enhanceDiscussion();
