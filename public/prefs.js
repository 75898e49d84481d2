// Applies the reader's saved theme and text size before the first paint, so a night
// reader never sees a white flash. An external file, not inline script, so the strict
// Content-Security-Policy holds. Same keys as src/prefs.rs.
(function () {
  var root = document.documentElement;
  try {
    var theme = localStorage.getItem('newsfront.theme');
    var step = localStorage.getItem('newsfront.text-step');
    if (theme === 'dark' || theme === 'light') root.setAttribute('data-theme', theme);
    if (step !== null && /^[0-6]$/.test(step)) root.setAttribute('data-text-step', step);
  } catch (e) {
    // Storage refused: the system theme and default size apply.
  }
})();
