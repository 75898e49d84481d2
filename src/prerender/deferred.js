// Starts the app once the pre-rendered page has painted its lead photo: the app's files
// (188 KB brotli) would share a phone's bandwidth with the photo. `load` alone is too
// early: it fires when the photo's bytes are in, before it is decoded and painted, and
// Lighthouse counted the app's requests that began before that paint against our LCP
// (1.08-1.33x a static copy's). A photo slower than 3 s holds the app back no further.
let started = false;
const go = () => {
  if (started) return;
  started = true;
  import('./START');
};
const painted = () => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(go)));
const loaded = () => {
  const lead = document.querySelector('img[fetchpriority="high"]');
  (lead ? lead.decode() : Promise.resolve()).then(painted, painted);
};
if (document.readyState === 'complete') loaded();
else addEventListener('load', loaded, { once: true });
setTimeout(go, 3000);
