/** Registers dist/sw.js (built pages only) so that a second visit works offline. Without service
 *  workers (an insecure origin, a private window) the page simply works online only. */
export function registerServiceWorker(): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator) || !window.isSecureContext) return;
  // After load: installing fetches the app and models again, which must not slow the first start.
  const register = () =>
    navigator.serviceWorker.register('./sw.js', { scope: './' }).catch((error: unknown) => {
      console.warn('Offline use is unavailable: the service worker could not be registered.', error);
    });
  if (document.readyState === 'complete') void register();
  else window.addEventListener('load', () => void register(), { once: true });
}
