/** Registers dist/sw.js (built pages only) so that a second visit works offline. Call it once the
 *  model is loaded: installing fetches the app and models again. Without service workers (an
 *  insecure origin, some private windows) the page simply works online only. */
export function registerServiceWorker(): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator) || !window.isSecureContext) return;
  navigator.serviceWorker.register('./sw.js', { scope: './' }).catch((error: unknown) => {
    console.warn('Offline use is unavailable: the service worker could not be registered.', error);
  });
}
