// Partner widgets loader. A partner's page writes
//   <div data-embed="section/world" data-edition="ru" data-theme="dark" data-count="5"></div>
//   <script src="https://news.example/embed.js" async></script>
// and each placeholder (also one added later) gets a lazily loaded, sandboxed iframe
// of this site's /{ed}/embed/... page, sized to its content.
//
// Size messages: the widget says "ready", we answer "hello" to that frame only, and
// it then reports its height (src/widget/resize.rs has the other end). A message
// counts only when it comes from this site's origin, from one of our frames, and has
// the expected shape.
(function () {
  'use strict';
  var me = document.currentScript || document.querySelector('script[src*="embed.js"]');
  if (!me || !me.src) return;
  var base = new URL('./', me.src);
  var origin = base.origin;
  var flag = 'newsfrontEmbed:' + base.href;
  if (window[flag]) return; // the loader is on the page twice
  window[flag] = true;

  var EDITIONS = { '': '', en: '', ru: 'ru/', arm: 'arm/', hy: 'arm/' };
  var SANDBOX = 'allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox';
  var frames = [];

  function widgetUrl(el) {
    var parts = (el.getAttribute('data-embed') || '').split('/').filter(Boolean);
    var kind = parts[0];
    if (!(kind === 'section' && parts.length === 2) && !(kind === 'article' && parts.length === 3)) return null;
    if (parts.some(function (p) { return p === '.' || p === '..'; })) return null;
    var ed = EDITIONS[(el.getAttribute('data-edition') || '').toLowerCase()];
    if (ed === undefined) return null;
    var query = [];
    var theme = el.getAttribute('data-theme');
    if (theme === 'light' || theme === 'dark') query.push('theme=' + theme);
    var count = parseInt(el.getAttribute('data-count'), 10);
    if (kind === 'section' && count > 0) query.push('count=' + Math.min(count, 10));
    var path = ed + 'embed/' + parts.map(encodeURIComponent).join('/');
    return { kind: kind, count: count > 0 ? Math.min(count, 10) : 5, url: new URL(path + (query.length ? '?' + query.join('&') : ''), base).href };
  }

  function mount(el) {
    el.setAttribute('data-embed-state', 'mounted');
    var w = widgetUrl(el);
    if (!w) {
      el.setAttribute('data-embed-state', 'invalid');
      return;
    }
    var f = document.createElement('iframe');
    f.src = w.url;
    f.title = el.getAttribute('data-title') || (w.kind === 'section' ? 'Latest headlines' : 'Story');
    f.loading = 'lazy';
    f.referrerPolicy = 'strict-origin-when-cross-origin';
    f.setAttribute('sandbox', SANDBOX);
    // Room for the content before it reports its size, so the page does not jump.
    var reserve = w.kind === 'section' ? 72 + w.count * 64 : 440;
    f.style.cssText = 'display:block;width:100%;border:0;overflow:hidden;height:' + reserve + 'px';
    frames.push(f);
    el.appendChild(f);
  }

  function scan(root) {
    if (root.nodeType !== 1) return;
    if (root.hasAttribute('data-embed') && !root.hasAttribute('data-embed-state')) mount(root);
    var found = root.querySelectorAll('[data-embed]:not([data-embed-state])');
    for (var i = 0; i < found.length; i++) mount(found[i]);
  }

  window.addEventListener('message', function (e) {
    if (e.origin !== origin) return;
    var frame = null;
    for (var i = 0; i < frames.length; i++) if (frames[i].contentWindow === e.source) frame = frames[i];
    var d = e.data;
    if (!frame || !d || typeof d !== 'object') return;
    if (d.newsfront === 'ready') {
      e.source.postMessage({ newsfront: 'hello' }, origin);
    } else if (d.newsfront === 'size' && typeof d.height === 'number' && d.height > 0 && d.height <= 20000) {
      frame.style.height = Math.ceil(d.height) + 'px';
    }
  });

  new MutationObserver(function (records) {
    for (var i = 0; i < records.length; i++) {
      var added = records[i].addedNodes;
      for (var j = 0; j < added.length; j++) scan(added[j]);
    }
  }).observe(document.documentElement, { childList: true, subtree: true });
  scan(document.documentElement);
})();
