// Shows the crash notice (src/components/crash_notice.rs) when the Wasm app traps:
// release builds abort on a panic at once, so no Rust code is left to tell the reader.
// Before the app has rendered its notice, an English one is made here.
(function () {
  function show() {
    var notice = document.getElementById('crash');
    if (!notice) {
      notice = document.createElement('div');
      notice.id = 'crash';
      notice.setAttribute('role', 'alert');
      notice.innerHTML = '<p>Something went wrong and this page stopped working.</p><a href="">Reload the page</a>';
      document.body.appendChild(notice);
    }
    var reload = notice.querySelector('a');
    reload.href = location.href;
    notice.hidden = false;
    reload.focus();
  }
  function crashed(error) {
    if (error instanceof WebAssembly.RuntimeError) show();
  }
  window.addEventListener('error', function (e) { crashed(e.error); });
  window.addEventListener('unhandledrejection', function (e) { crashed(e.reason); });
})();
