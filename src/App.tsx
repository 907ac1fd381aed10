import { Disclaimer } from './components/Disclaimer';
import { ErrorBanner } from './components/ErrorBanner';
import { FilePicker } from './components/FilePicker';
import { ImageInfo } from './components/ImageInfo';
import { MapPanel } from './components/MapPanel';
import { ModelCardPanel } from './components/ModelCardPanel';
import { ResultPanel } from './components/ResultPanel';
import { StatusBar } from './components/StatusBar';
import { TwRegionsPanel } from './components/TwRegionsPanel';
import { Viewport } from './components/Viewport';

export function App() {
  return (
    <div className="app">
      <header className="app-header">
        <div className="title-row">
          <h1>BoneAge</h1>
          <span className="subtitle">pediatric bone-age estimation from a hand radiograph</span>
          <FilePicker />
        </div>
        <Disclaimer />
        <StatusBar />
        <ErrorBanner />
      </header>
      <main className="app-main">
        <Viewport />
        <aside className="side">
          <ResultPanel />
          <MapPanel />
          <TwRegionsPanel />
          <ModelCardPanel />
          <ImageInfo />
        </aside>
      </main>
    </div>
  );
}
