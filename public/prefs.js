// Applies the reader's saved theme and text size before the first paint, so a night
// reader never sees a white flash. The build (crates/publish/src/shell.rs) inlines it into
// every page and allows it by its hash in the Content-Security-Policy. Same keys as
// src/state/prefs.rs.
//
// A partner widget (/{ed}/embed/...) takes its theme from the partner instead
// (`?theme=light|dark`, else the system's) and keeps the default text size; its
// headlines past `?count=` (1-10, else 5: src/widget/mod.rs) are hidden from the start
// (style/base.css), as a pre-rendered headlines widget lists ten.
(function () {
  var root = document.documentElement;
  if (/(^|\/)embed\//.test(location.pathname)) {
    var wanted = /[?&]theme=(light|dark)(&|$)/.exec(location.search);
    if (wanted) root.setAttribute('data-theme', wanted[1]);
    var count = /[?&]count=\s*(\d+)\s*(&|$)/.exec(location.search);
    root.setAttribute('data-count', count ? Math.max(1, Math.min(+count[1], 10)) : 5);
    return;
  }
  try {
    var theme = localStorage.getItem('newsfront.theme');
    var step = localStorage.getItem('newsfront.text-step');
    if (theme === 'dark' || theme === 'light') root.setAttribute('data-theme', theme);
    if (step !== null && /^[0-6]$/.test(step)) root.setAttribute('data-text-step', step);
  } catch (e) {
    // Storage refused: the system theme and default size apply.
  }
})();
