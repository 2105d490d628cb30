// Live preview in the article editor: after a pause in typing, the server renders the body
// exactly as publishing would (same Markdown and sanitizer) and the preview pane shows it.
// Without this script the editor's "Preview" button does the same with a full page.
const body = document.querySelector('textarea[data-preview]');
const pane = body && document.getElementById(body.dataset.preview);
const csrf = document.body.dataset.csrf;
let timer = null;
let sent = 0;

if (body && pane) {
  body.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(render, 400);
  });
}

async function render() {
  const mine = ++sent;
  try {
    const res = await fetch('/admin/preview', {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ csrf, body: body.value }),
    });
    // An older answer arriving after a newer one must not overwrite it.
    if (res.ok && !res.redirected && mine === sent) pane.innerHTML = await res.text();
  } catch (e) {
    // The preview is a convenience; the Preview button still works.
  }
}
