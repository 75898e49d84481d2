// The offline page's list (crates/publish/src/offline.rs): the stories this device keeps
// for reading without a network, as the service worker records them (sw.js: one JSON
// record a story in the `newsfront-records` cache), most recently read first, each a
// link with its section and when it was saved.
(async () => {
  const list = document.querySelector('.saved-stories');
  const none = document.querySelector('.none-saved');
  let records = [];
  try {
    const cache = await caches.open('newsfront-records');
    records = await Promise.all((await cache.keys()).map((key) => cache.match(key).then((r) => r.json())));
  } catch (e) {
    // No cache storage (a private window, an old browser): nothing is kept.
  }
  records.sort((a, b) => b.read - a.read);
  // The records hold the page's head as written (HTML-escaped).
  const text = (html) => new DOMParser().parseFromString(html, 'text/html').documentElement.textContent;
  const lang = document.documentElement.lang;
  for (const record of records) {
    const item = document.createElement('li');
    const link = document.createElement('a');
    link.href = record.url;
    link.textContent = text(record.title);
    if (record.lang && record.lang != lang) link.lang = record.lang;
    const about = document.createElement('span');
    const when = new Date(record.saved).toLocaleString(lang, { dateStyle: 'medium', timeStyle: 'short' });
    about.textContent = [text(record.section), `${list.dataset.saved} ${when}`].filter(Boolean).join(' · ');
    item.append(link, ' ', about);
    list.append(item);
  }
  none.hidden = records.length > 0;
})();
