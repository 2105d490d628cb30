// The moderation queue from the keyboard: j/k move between items, a approves, r rejects with the
// reason chosen on the item. Decisions are sent with fetch so the moderator stays in place; the
// page's plain forms do the same without this script. Every ~10 s the page asks whether new items
// arrived in this tab and offers a refresh (and keeps the tab counts current).
const queue = document.querySelector('section.queue');
const news = document.querySelector('.queue-news');
const POLL_MS = 10000;

function items() {
  return [...document.querySelectorAll('.queue-item')];
}

function current() {
  return document.querySelector('.queue-item.focused');
}

function focus(item) {
  if (!item) return;
  const was = current();
  if (was) was.classList.remove('focused');
  item.classList.add('focused');
  item.focus({ preventScroll: true });
  item.scrollIntoView({ block: 'nearest' });
}

function move(step) {
  const all = items();
  if (all.length === 0) return;
  const at = all.indexOf(current());
  const next = at < 0 ? 0 : Math.min(all.length - 1, Math.max(0, at + step));
  focus(all[next]);
}

async function decide(item, selector) {
  const form = item && item.querySelector(selector);
  if (!form || item.dataset.busy) return;
  item.dataset.busy = '1';
  try {
    const res = await fetch(form.action, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(new FormData(form)),
    });
    // A refusal, or a signed-out session answered with the sign-in page, is shown by the plain form.
    if (!res.ok || !new URL(res.url).pathname.startsWith('/admin/queue')) throw new Error('refused');
    const all = items();
    const next = all[all.indexOf(item) + 1] || all[all.indexOf(item) - 1];
    item.remove();
    const count = document.querySelector(`[data-count-for="${queue.dataset.tab}"]`);
    if (count && +count.textContent > 0) count.textContent = +count.textContent - 1;
    focus(next);
  } catch (e) {
    // Fall back to the plain form: the server answers with the page and any message.
    form.submit();
  } finally {
    delete item.dataset.busy;
  }
}

document.addEventListener('keydown', (e) => {
  if (e.ctrlKey || e.metaKey || e.altKey) return;
  const t = e.target;
  // Typing a note or choosing a reason must not trigger decisions.
  if (t && (t.isContentEditable || ['INPUT', 'SELECT', 'TEXTAREA'].includes(t.tagName))) return;
  switch (e.key) {
    case 'j': move(1); break;
    case 'k': move(-1); break;
    case 'a': decide(current(), 'form.approve-form'); break;
    case 'r': decide(current(), 'form.reject-form'); break;
    default: return;
  }
  e.preventDefault();
});

document.addEventListener('click', (e) => {
  const item = e.target.closest && e.target.closest('.queue-item');
  if (item && item !== current()) {
    const was = current();
    if (was) was.classList.remove('focused');
    item.classList.add('focused');
  }
});

async function poll() {
  try {
    const q = new URLSearchParams({ tab: queue.dataset.tab, marker: queue.dataset.marker });
    const res = await fetch('/admin/queue/news?' + q, { headers: { Accept: 'application/json' } });
    if (!res.ok) return;
    const answer = await res.json();
    for (const [tab, n] of Object.entries(answer.counts)) {
      const el = document.querySelector(`[data-count-for="${tab}"]`);
      if (el) el.textContent = n;
    }
    if (answer.arrived > 0) {
      news.hidden = false;
      news.querySelector('a').textContent = `${answer.arrived} new ${answer.arrived === 1 ? 'item' : 'items'} — refresh`;
    }
  } catch (e) {
    // Polling is a convenience; the page still works when it fails.
  }
}

if (queue) setInterval(poll, POLL_MS);
