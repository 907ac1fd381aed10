/* BoneAge service worker: makes the second visit work with the network off.
 * Built by src/offline/vite-plugin-service-worker.ts, which fills in the constants below:
 *   VERSION  a hash of this build (every emitted file and every model file), so that any new
 *            deploy changes sw.js, the browser installs it, and the old cache is deleted;
 *   SHELL    the app shell: index.html and every emitted asset (script, styles, wasm);
 *   MODEL_PINS  the SHA-256 of every file under public/models/ (as the page's own check uses).
 * Strategy: the page (navigations) and the models are fetched network-first, so an online visit
 * always gets the deployed files, and the cache answers only when the network cannot; hashed
 * assets are cache-first (their names change with their content). Model files are cached at install
 * only when each matches the build's SHA-256, and the page checks them again (build list, then
 * the card's weight hashes) on every load, wherever they came from; a model file fetched online
 * replaces the cached copy only if it is this build's. Only same-origin GETs are touched: the
 * reader's images never reach the service worker (they are read from disk, never fetched). */
const VERSION = '__BONEAGE_VERSION__';
const SHELL = __BONEAGE_SHELL__;
const MODEL_PINS = __BONEAGE_MODEL_PINS__;
const CACHE = `boneage-${VERSION}`;

const scopeUrl = (path) => new URL(path, self.registration.scope).href;

async function sha256Hex(buffer) {
  const digest = await crypto.subtle.digest('SHA-256', buffer);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** Fetches past the HTTP cache and reads the whole body: a response left unread would hold one of the
 *  browser's few connections to the server and stall the page's own requests. */
async function fetchFresh(url) {
  const response = await fetch(url, { cache: 'no-store' });
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  const bytes = await response.arrayBuffer();
  return { bytes, response: new Response(bytes, { status: response.status, headers: response.headers }) };
}

/** Every file under models/, each checked against the SHA-256 the build recorded (the same list the
 *  page checks on load). A mismatch fails the install: nothing is cached and the old version stays. */
async function modelResponses() {
  const out = [];
  for (const [path, sha256] of Object.entries(MODEL_PINS)) {
    const url = scopeUrl(`models/${path}`);
    const { bytes, response } = await fetchFresh(url);
    if ((await sha256Hex(bytes)) !== sha256) throw new Error(`models/${path} differs from this build's; nothing cached`);
    out.push([url, response]);
  }
  return out;
}

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      try {
        const files = [];
        for (const path of SHELL) files.push([scopeUrl(path), (await fetchFresh(scopeUrl(path))).response]);
        files.push(...(await modelResponses()));
        // Only a complete, checked set goes into the cache.
        const cache = await caches.open(CACHE);
        for (const [url, response] of files) await cache.put(url, response);
      } catch (error) {
        await caches.delete(CACHE);
        throw error;
      }
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) if (name.startsWith('boneage-') && name !== CACHE) await caches.delete(name);
      await self.clients.claim();
    })(),
  );
});

/** `keep(response)` says whether a fresh response may replace the cached copy. */
async function networkFirst(request, cacheKey, keep = async () => true) {
  const cache = await caches.open(CACHE);
  try {
    const response = await fetch(request);
    if (response.ok && (await keep(response.clone()))) await cache.put(cacheKey, response.clone());
    return response;
  } catch (error) {
    const cached = await cache.match(cacheKey);
    if (cached) return cached;
    throw error;
  }
}

async function cacheFirst(request) {
  const cache = await caches.open(CACHE);
  const cached = await cache.match(request);
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok) await cache.put(request, response.clone());
  return response;
}

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin || !request.url.startsWith(self.registration.scope)) return;
  if (request.mode === 'navigate') {
    // Any address of the page (e.g. ?backend=wasm) is the one index.html.
    event.respondWith(networkFirst(request, scopeUrl('index.html')));
  } else if (url.pathname.includes('/models/')) {
    // Only this build's exact model files may replace the offline copy (a changed file is still
    // passed to the page, which refuses it; it just never spoils the cache).
    const path = url.pathname.slice(url.pathname.lastIndexOf('/models/') + '/models/'.length);
    const keep = async (response) => MODEL_PINS[path] !== undefined && (await sha256Hex(await response.arrayBuffer())) === MODEL_PINS[path];
    event.respondWith(networkFirst(request, url.href, keep));
  } else {
    event.respondWith(cacheFirst(request));
  }
});
