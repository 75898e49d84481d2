// A pre-rendered page's own script, inline in its <head> (allowed by its hash:
// src/shell.rs). The page is complete without the app: this makes its controls
// work from the first paint (night theme, A-/A+, copy link, Share, print, the search
// field, whose Enter opens the results page), with the storage keys and
// <html> attributes that prefs.js sets and the app reads (src/state/prefs.rs,
// src/state/mod.rs), and it starts the app (START) when it is wanted:
// on intent only: a mouse over, or keyboard focus on, an internal link (the app then
// follows it without a page load), a press on the search button (results need it), or
// nearing the end of a feed (its later stories need it).
// Not when idle: on the phone profile (scripts/report/first-tap-report.mjs) that cost a reader
// who only reads the story 214 KB more, and its download slowed a tap on a link taken
// meanwhile to 1.4x the static page's; Lighthouse counted its start-up as blocking time.
// A tap on a link is never held: before the app, it is an ordinary page load.
// Once the app has taken the page over (<html data-app>) these handlers stand down, so
// one tap never acts twice; until then each change is told to the app as it starts
// (`newsfront-prefs`), so nothing changes when it takes over.
// TEXTS is each edition's interface text and results page (crates/core/src/logic/i18n.rs, routes.rs),
// put in by the build: the views carry nothing for this script, so the app's Wasm
// holds no code for it.
(() => {
  const doc = document;
  const root = doc.documentElement;
  const texts = TEXTS;
  const [smaller, smallest, larger, largest, copied, byHand, results] = texts[root.lang] || texts.en;
  const all = (s) => doc.querySelectorAll(s);
  const app = () => root.hasAttribute('data-app');
  let started;
  // A failed load (the network gone) is tried again on the next intent.
  const go = () => started || (started = import('./START').catch(() => (started = 0)));

  const store = (key, value) => {
    try {
      localStorage.setItem('newsfront.' + key, value);
    } catch (e) {
      // Storage refused: the choice holds for this page only.
    }
  };
  const dark = () =>
    (root.dataset.theme || (matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light')) == 'dark';
  // Steps 0-6, 1 by default: src/state/mod.rs.
  const step = () => +(root.dataset.textStep || 1);
  // The controls as the reader's settings have them (the page is rendered with the defaults).
  const sync = () => {
    for (const b of all('.theme-toggle')) b.setAttribute('aria-pressed', dark());
    for (const b of all('.text-size button')) {
      const up = b.classList.contains('larger');
      const end = up ? step() > 5 : step() < 1;
      b.disabled = end;
      b.title = b.lastElementChild.textContent = up ? (end ? largest : larger) : end ? smallest : smaller;
    }
    dispatchEvent(new Event('newsfront-prefs'));
  };
  const set = (key, value) => {
    root.setAttribute('data-' + key, value);
    store(key, value);
    sync();
  };

  const url = () => location.href.replace(/[?#].*/, '');
  const copy = async (button) => {
    const box = button.closest('.share');
    const toast = box.querySelector('[role=status]');
    let fallback = box.querySelector('.fallback');
    try {
      await navigator.clipboard.writeText(url());
      fallback && fallback.remove();
      toast.textContent = copied;
      setTimeout(() => (toast.textContent = ''), 3000);
    } catch (e) {
      // No clipboard, or refused: the link, selected, for the reader to copy.
      if (!fallback) {
        // The share bar's scoped style class, as the app's own fallback has it.
        const scoped = box.querySelector('.actions').className.replace('actions', '');
        fallback = doc.createElement('div');
        fallback.className = 'fallback' + scoped;
        fallback.innerHTML = '<label for="share-url"></label><input id="share-url" type="url" readonly>';
        for (const part of fallback.children) part.className = scoped.trim();
        toast.before(fallback);
      }
      fallback.firstChild.textContent = byHand;
      const input = fallback.lastChild;
      input.value = url();
      input.focus();
      input.select();
    }
  };

  const search = () => doc.querySelector('.search-dialog');
  const closeSearch = () => {
    search().close();
    doc.querySelector('.search-open').focus();
  };

  doc.addEventListener('click', (e) => {
    const target = !app() && e.target.closest('button, dialog');
    if (!target) return;
    const is = (name) => target.classList.contains(name);
    if (is('theme-toggle')) set('theme', dark() ? 'light' : 'dark');
    else if (target.closest('.text-size')) set('text-step', Math.max(0, Math.min(6, step() + (is('larger') ? 1 : -1))));
    else if (is('print')) print();
    else if (is('copy-link')) copy(target);
    else if (is('native-share')) navigator.share({ url: url(), title: doc.querySelector('h1').textContent }).catch(() => {});
    else if (is('search-open')) {
      search().showModal();
      search().querySelector('input').focus();
      go();
    } else if (is('search-close') || e.target == search()) closeSearch();
  });
  doc.addEventListener('keydown', (e) => {
    const field = !app() && e.target.closest('.search-dialog') && e.target;
    if (!field) return;
    // A search field takes the first Escape to clear itself: close at once, as the app does.
    if (e.key == 'Escape') {
      e.preventDefault();
      closeSearch();
    }
    // Enter opens the results page (src/browser/router.rs `search_href`; relative to
    // <base>), as a page load.
    const query = field.value && field.value.trim();
    if (e.key == 'Enter' && query) location.href = results + '?q=' + encodeURIComponent(query);
  });

  const internal = (e) => {
    const a = e.target.closest('a[href]');
    return a && a.origin == location.origin && !a.target;
  };
  doc.addEventListener('pointerover', (e) => (e.pointerType == 'mouse' && internal(e)) && go());
  doc.addEventListener('focusin', (e) => e.target.matches(':focus-visible') && internal(e) && go());
  doc.addEventListener('pointerdown', (e) => e.target.closest('.search-open, .section-feed .more, .live .older') && go());

  doc.addEventListener('DOMContentLoaded', () => {
    sync();
    for (const b of all('.native-share')) b.hidden = !navigator.share;
    // A feed's later stories (and a live story's older posts) need the app: it comes as
    // the reader nears the list's end (src/browser/near_end.rs, the same margin), whose
    // own watch then loads them.
    const end = doc.querySelector('.section-feed .more, .live .older');
    if (end && self.IntersectionObserver) {
      new IntersectionObserver((seen, watch) => seen[0].isIntersecting && (watch.disconnect(), go()), {
        rootMargin: 'NEAR_END_PXpx',
      }).observe(end);
    }
  });
  // Reading offline (crates/publish/src/sw.js): the worker is registered once the page,
  // its lead photo with it, has loaded, so that it costs the first load nothing.
  const worker = navigator.serviceWorker;
  addEventListener('load', () => worker && worker.register(new URL('sw.js', doc.baseURI)).catch(() => {}));
  // A story still live: its new posts are why the reader is here. The app comes a few
  // seconds after the page, its lead photo with it, has loaded, and looks for them
  // (src/components/live): the page is at most a publish old, and a cheap phone's first
  // seconds stay the reader's (started at once, the app's files shared the network with
  // the page's in Lighthouse's simulation: its LCP went from 1.05 to 1.21 times the
  // static copy's, scripts/report/live-report.mjs).
  addEventListener('load', () => doc.querySelector('[data-live]') && setTimeout(go, 3000));
})();
