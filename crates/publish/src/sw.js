// The site's service worker (issue #31), written into the built site by the pre-render
// step with this build's names (crates/publish/src/offline.rs): BUILD, the app's hashed
// files (APP_FILES), each edition's offline page (OFFLINE) and place (PREFIXES), all
// relative to its scope.
//
// - The app's files are named by their hash: cached once, at install, in this build's
//   cache, which a later build's worker removes when it takes over (the browser starts
//   it only once no tab runs this one, so no open tab loses its files).
// - Pages are network-first, news must be fresh: an answer within WAIT_MS is used (and a
//   story's page saved); without one, the saved copy is shown with a note of when it was
//   saved; a page never saved waits for the network up to GIVE_UP_MS more, then gets the
//   edition's offline page, listing what is saved.
// - A story the reader opened, by a page load or inside the app, is kept with the
//   documents and photos its page asked for (the photos at the size this device loaded),
//   up to MAX_STORIES, least recently read dropped first, and fewer when the browser says
//   storage is nearly full. Only what this origin serves: photos on another origin are
//   not kept.
// - Other origins, partner widgets (embed/) and anything not a GET are not touched.
const BUILD = 'BUILD_ID';
const APP_FILES = APP_FILES_LIST;
const OFFLINE = OFFLINE_PAGES;
// Each edition's place below the scope, by language (`logic::routes`).
const PREFIXES = EDITION_PREFIXES;
const WAIT_MS = 3000;
const GIVE_UP_MS = 10000;
const MAX_STORIES = 50;

const APP = 'newsfront-app-' + BUILD;
const STORIES = 'newsfront-stories';
// One record a story: { url, title, section, lang, saved, read, files }.
const RECORDS = 'newsfront-records';

const scope = self.registration.scope;
const inScope = (url) => url.startsWith(scope) && !url.slice(scope.length).startsWith('embed/');
const appFiles = new Set(APP_FILES.map((f) => new URL(f, scope).href));

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches.open(APP).then((cache) => cache.addAll([...APP_FILES, ...Object.values(OFFLINE)])),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches.keys().then((names) =>
      Promise.all(names.filter((n) => n.startsWith('newsfront-app-') && n != APP).map((n) => caches.delete(n))),
    ),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method != 'GET' || !inScope(request.url)) return;
  if (request.mode == 'navigate') {
    event.respondWith(page(event));
  } else if (appFiles.has(request.url.replace(/[?#].*/, ''))) {
    event.respondWith(caches.match(request.url, { cacheName: APP }).then((hit) => hit || fetch(request)));
  } else if (request.destination == 'image' || /\.json$/.test(new URL(request.url).pathname)) {
    // The search index is not a story's: it needs the network (the overlay says so).
    if (request.url.startsWith(scope + 'search/')) return;
    event.respondWith(part(event));
  }
});

/// `promise`, or a rejection after `ms`.
const within = (promise, ms) =>
  Promise.race([promise, new Promise((_, reject) => setTimeout(() => reject(new Error('time-out')), ms))]);

// Records change one at a time: a page's photos arrive together.
let queue = Promise.resolve();
const serial = (task) => (queue = queue.then(task, task));
// Pages being saved, by URL: their photos wait for the record.
const saving = new Map();

const record = async (url) => {
  const hit = await caches.match(url, { cacheName: RECORDS });
  return hit ? hit.json() : null;
};
const keep = async (rec) =>
  (await caches.open(RECORDS)).put(rec.url, new Response(JSON.stringify(rec), { headers: { 'content-type': 'application/json' } }));

async function page(event) {
  const request = event.request;
  const url = request.url.replace(/#.*/, '');
  const answer = fetch(request).then((response) => {
    if (response.ok) {
      const saved = saveIfStory(url, response.clone()).finally(() => saving.delete(url));
      saving.set(url, saved);
      event.waitUntil(saved);
    }
    return response;
  });
  try {
    return await within(answer, WAIT_MS);
  } catch (e) {
    const saved = await savedPage(url);
    if (saved) {
      // The network may still answer: the fresh page is saved for next time.
      event.waitUntil(answer.catch(() => {}));
      return saved;
    }
    // Nothing kept: a slow network may still answer, a hung one gets the offline page.
    try {
      return await within(answer, GIVE_UP_MS);
    } catch (e) {
      return offlinePage(url);
    }
  }
}

// A story's page says so in its head (`og:type` `article`); other pages are not kept.
async function saveIfStory(url, response) {
  const html = await response.clone().text();
  if (!/<meta property="og:type" content="article">/.test(html)) return;
  const text = (re) => (html.match(re) || [])[1] || '';
  // Only its type: the body is decoded already, whatever encoding the network used.
  const headers = { 'content-type': 'text/html; charset=utf-8' };
  await (await caches.open(STORIES)).put(url, new Response(html, { headers }));
  await serial(async () => {
    const previous = await record(url);
    const now = Date.now();
    await keep({
      url,
      title: text(/<meta property="og:title" content="([^"]*)">/),
      section: text(/<meta property="article:section" content="([^"]*)">/),
      lang: text(/<html lang="([^"]*)"/),
      saved: now,
      read: now,
      files: previous ? previous.files : [],
    });
    await trim();
  });
}

async function savedPage(url) {
  const hit = await caches.match(url, { cacheName: STORIES });
  const rec = hit && (await record(url));
  if (!rec) return null;
  await serial(async () => {
    const now = await record(url);
    if (now) await keep({ ...now, read: Date.now() });
  });
  const html = (await hit.text()).replace(
    /<body([^>]*)>/,
    (body) => `${body}<p class="saved-note" role="status" data-saved="${rec.saved}">${savedNote(rec)}</p>`,
  );
  return new Response(html, { headers: { 'content-type': 'text/html; charset=utf-8' } });
}

function savedNote(rec) {
  const when = new Date(rec.saved).toLocaleString(rec.lang || 'en', { dateStyle: 'medium', timeStyle: 'short' });
  const says = { ru: 'Сохранённая копия от ', hy: 'Պահված պատճեն՝ ' };
  return (says[rec.lang] || 'Saved copy from ') + when;
}

async function offlinePage(url) {
  const below = url.slice(scope.length);
  const prefix = Object.keys(OFFLINE).find((p) => p && below.startsWith(p)) || '';
  const hit = await caches.match(new URL(OFFLINE[prefix], scope).href, { cacheName: APP });
  return hit || Response.error();
}

// A document or photo: the network's answer when it comes within WAIT_MS, kept with the
// story whose page asked for it; else the kept copy.
async function part(event) {
  const request = event.request;
  const client = event.clientId && (await self.clients.get(event.clientId));
  const edition = (request.url.match(/\/([a-z]+)\/articles\/[^/?#]+\.json$/) || [])[1];
  const answer = fetch(request).then((response) => {
    if (response.ok && client) event.waitUntil(keepFor(event.clientId, client, edition, request.url, response.clone()));
    return response;
  });
  try {
    return await within(answer, WAIT_MS);
  } catch (e) {
    const hit = await caches.match(request.url, { cacheName: STORIES });
    if (hit) return hit;
    return answer;
  }
}

// The story each tab shows, by client: the app changes the address without a page load,
// and a client's `url` stays the one it was loaded at.
const shownBy = new Map();

// Keeps a document or photo with the story the tab shows, when it is one being kept. A
// story's own document (`edition` set) says which story that is: reached inside the app,
// its page is fetched once, to be kept too.
async function keepFor(id, client, edition, url, response) {
  const doc = edition in PREFIXES && (await response.clone().json().catch(() => null));
  if (doc && doc.slug && doc.section && doc.section.slug) {
    const path = `${PREFIXES[edition]}${encodeURIComponent(doc.section.slug)}/${encodeURIComponent(doc.slug)}`;
    const page = new URL(path, scope).href;
    shownBy.set(id, page);
    if (!saving.has(page) && !(await record(page))) {
      const saved = fetch(page)
        .then((r) => r.ok && saveIfStory(page, r))
        .catch(() => {})
        .finally(() => saving.delete(page));
      saving.set(page, saved);
    }
  }
  await keepPart(shownBy.get(id) || client.url.replace(/#.*/, ''), url, response);
}

// Keeps a document or photo with the story `page`, when it is one being kept.
async function keepPart(page, url, response) {
  await saving.get(page);
  await serial(async () => {
    const owner = await record(page);
    if (!owner) return;
    await (await caches.open(STORIES)).put(url, response);
    if (!owner.files.includes(url)) await keep({ ...owner, files: [...owner.files, url] });
  });
}

// Drops the least recently read stories beyond MAX_STORIES, and more while the browser
// reports storage over four fifths full.
async function trim() {
  const records = await caches.open(RECORDS);
  const all = await Promise.all((await records.keys()).map((k) => records.match(k).then((r) => r.json())));
  all.sort((a, b) => b.read - a.read);
  let keepCount = MAX_STORIES;
  const estimate = navigator.storage && navigator.storage.estimate ? await navigator.storage.estimate() : null;
  if (estimate && estimate.quota && estimate.usage > 0.8 * estimate.quota) keepCount = Math.floor(all.length / 2);
  const stories = await caches.open(STORIES);
  // A photo or document another kept story uses stays.
  const used = new Set(all.slice(0, keepCount).flatMap((r) => [r.url, ...r.files]));
  for (const rec of all.slice(keepCount)) {
    await Promise.all([rec.url, ...rec.files].filter((u) => !used.has(u)).map((u) => stories.delete(u)));
    await records.delete(rec.url);
  }
}
