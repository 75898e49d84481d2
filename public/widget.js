// A partner widget's only script (/{ed}/embed/...): tells the partner's page how tall
// the widget is, so that its iframe fits the content with no scroll bar, and keeps the
// headlines `?count=` asks for. The pre-rendered widget pages run it instead of the app;
// the app's widget pages (a story newer than the build) load it too. The theme and
// count are set before the first paint by public/prefs.js.
//
// The protocol, shared with public/embed.js:
// 1. widget -> parent, to any origin: {newsfront: "ready"} (it carries nothing).
// 2. parent -> widget: {newsfront: "hello"}, accepted only from window.parent; its
//    origin becomes the only one the widget writes to.
// 3. widget -> parent, to that origin: {newsfront: "size", height}, now and on every
//    change of the widget's size.
// Anything else, or from anyone else, is ignored; the loader checks origin, source
// frame and shape on its side.
(function () {
  'use strict';
  if (window.__newsfrontWidget) return; // the app's page may load it again
  window.__newsfrontWidget = true;
  var root = document.documentElement;

  // The headlines past `?count=` (prefs.js hides them until now) leave the page: once,
  // as only a pre-rendered box lists more (the app renders as many as asked for).
  function trim() {
    var count = Number(root.getAttribute('data-count')) || 0;
    var lists = document.querySelectorAll('ol.headlines');
    for (var i = 0; i < lists.length && count > 0; i++) {
      while (lists[i].children.length > count) lists[i].removeChild(lists[i].lastElementChild);
    }
  }

  var parent = window.parent;
  var framed = parent !== window;
  var partner = null;
  var watched = null;
  var resized = typeof ResizeObserver === 'function' ? new ResizeObserver(send) : null;

  function send() {
    var widget = document.querySelector('[data-widget]');
    if (widget !== watched && resized) {
      if (watched) resized.unobserve(watched);
      if (widget) resized.observe(widget);
      watched = widget;
    }
    if (!partner || !widget) return;
    var bottom = widget.getBoundingClientRect().bottom + window.scrollY;
    if (bottom > 0) parent.postMessage({ newsfront: 'size', height: Math.ceil(bottom) }, partner);
  }

  window.addEventListener('message', function (e) {
    if (e.source !== parent || !e.data || typeof e.data !== 'object' || e.data.newsfront !== 'hello') return;
    // A partner page without an origin of its own (a file, a sandbox) can only be
    // addressed as "*"; a height is no secret.
    partner = e.origin === 'null' ? '*' : e.origin;
    send();
  });
  function start() {
    trim();
    if (!framed) return;
    // Browsers hold back resize reports (and painting) in a frame that is off screen,
    // so a widget below the fold would keep the size it had while loading. Changes to
    // the content are reported at once, measured on the spot.
    new MutationObserver(send).observe(root, { childList: true, subtree: true, characterData: true });
    window.addEventListener('load', send);
    send();
    parent.postMessage({ newsfront: 'ready' }, '*');
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
