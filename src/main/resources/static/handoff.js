/*
 * The last page of the embed's sign-in popup: gives the one-time code to the embed that opened this
 * window. postMessage is addressed to the embedding page's origin, so no other page can read it.
 */
(function () {
  'use strict';
  var p = document.getElementById('handoff');
  if (!p || !window.opener) return;
  window.opener.postMessage({ type: 'tribune:handoff', code: p.getAttribute('data-code') }, p.getAttribute('data-origin'));
  window.close();
})();
