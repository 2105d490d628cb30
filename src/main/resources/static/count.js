/*
 * Tribune comment counts for a host site's listing pages, in one request for the whole page:
 *
 *   <a href="/story">Story</a> <span data-tribune-count data-url="https://news.example.org/story"></span>
 *   <script src="https://COMMENTS-HOST/count.js" async></script>
 *
 * Each element gets "N comments" (or just the number with data-tribune-count="number").
 * data-id names a page by the same id its embed uses; data-url may be relative to this page.
 */
(function () {
  'use strict';
  var script = document.currentScript || document.querySelector('script[src$="/count.js"]');
  var BASE = new URL(script.src, location.href).origin;
  var MAX = 200; // the server's limit for one request

  function key(elm) {
    var id = elm.getAttribute('data-id');
    if (id) return { param: 'id', value: id };
    var u = new URL(elm.getAttribute('data-url') || location.href, document.baseURI);
    u.hash = '';
    return { param: 'url', value: u.href };
  }

  function fill() {
    var elements = Array.prototype.slice.call(document.querySelectorAll('[data-tribune-count]'), 0);
    if (!elements.length) return;
    var wanted = {};
    elements.forEach(function (e) { var k = key(e); wanted[k.param + '\u0000' + k.value] = k; });
    var query = Object.keys(wanted).slice(0, MAX).map(function (w) {
      return wanted[w].param + '=' + encodeURIComponent(wanted[w].value);
    }).join('&');
    fetch(BASE + '/api/v1/counts?' + query, { credentials: 'omit', mode: 'cors', headers: { 'Accept': 'application/json' } })
      .then(function (r) { return r.ok ? r.json() : Promise.reject(new Error('counts answered ' + r.status)); })
      .then(function (counts) {
        elements.forEach(function (e) {
          var n = counts[key(e).value];
          if (typeof n !== 'number') return;
          e.textContent = e.getAttribute('data-tribune-count') === 'number' ? String(n) : n + (n === 1 ? ' comment' : ' comments');
          e.setAttribute('data-count', String(n));
        });
      })
      .catch(function (err) { if (window.console) console.warn('Tribune counts:', err.message); });
  }

  window.TribuneCounts = { refresh: fill };
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', fill);
  else fill();
})();
