import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { pinModels } from './src/inference/vite-plugin-model-pins';
import { serviceWorker } from './src/offline/vite-plugin-service-worker';

/** The built page may talk to its own origin only: a Content-Security-Policy makes that a rule,
 *  not just a habit. Build only: the dev server's React refresh preamble is an inline script. */
const CSP = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'", // React and cornerstone set styles through the CSSOM, which CSP allows
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'self'",
].join('; ');

function contentSecurityPolicy(): Plugin {
  return {
    name: 'boneage-csp',
    apply: 'build',
    transformIndexHtml: () => [{ tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: CSP }, injectTo: 'head-prepend' }],
  };
}

export default defineConfig({
  base: './',
  plugins: [react(), contentSecurityPolicy(), pinModels(), serviceWorker()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    chunkSizeWarningLimit: 4096,
  },
});
