import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { startModel } from './state/actions';
import { installBoneAgeHook } from './perf/page-timings';
import './styles.css';

// A file dropped outside the viewer must not make the browser navigate away (and lose the case).
for (const type of ['dragover', 'drop'] as const) window.addEventListener(type, (e) => e.preventDefault());

// Anything that escapes is reported, not silently lost.
window.addEventListener('unhandledrejection', (e) => console.error('Unhandled rejection:', e.reason));

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);

installBoneAgeHook(); // read-only timings for the benchmark: src/perf/page-timings.ts
void startModel();
