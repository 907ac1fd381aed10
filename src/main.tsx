import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { installDebugHook } from './debug-hook';
import { registerServiceWorker } from './offline/register-service-worker';
import { startModel } from './state/actions';
import { followEstimates } from './state/localiser-actions';
import './styles.css';

installDebugHook(); // window.__boneage: read-only timings and counts for tests and benchmarks (src/debug-hook.ts)

// A file dropped outside the viewer must not make the browser navigate away (and lose the case).
for (const type of ['dragover', 'drop'] as const) window.addEventListener(type, (e) => e.preventDefault());

// Anything that escapes is reported, not silently lost.
window.addEventListener('unhandledrejection', (e) => console.error('Unhandled rejection:', e.reason));

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);

followEstimates(); // the TW-region localiser runs after each estimate
// The offline copy (app and models again) is fetched only once the model is up, so it never slows the start.
void startModel().finally(registerServiceWorker);
