import { Disclaimer } from './components/Disclaimer';
import { ErrorBanner } from './components/ErrorBanner';
import { FilePicker } from './components/FilePicker';
import { LearnedRoisPanel } from './components/LearnedRoisPanel';
import { ImageInfo } from './components/ImageInfo';
import { KeyboardShortcuts } from './components/KeyboardShortcuts';
import { MapPanel } from './components/MapPanel';
import { ModelCardPanel } from './components/ModelCardPanel';
import { ComparisonPanel } from './components/ComparisonPanel';
import { PatientPanel } from './components/PatientPanel';
import { PrintReport } from './components/PrintReport';
import { ReportPanel } from './components/ReportPanel';
import { PullingCellsPanel } from './components/PullingCellsPanel';
import { ResultPanel } from './components/ResultPanel';
import { StatusBar } from './components/StatusBar';
import { TwRegionsPanel } from './components/TwRegionsPanel';
import { Viewport } from './components/Viewport';
import { Worklist } from './components/Worklist';

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
          <Worklist />
          <PatientPanel />
          <ComparisonPanel />
          <ReportPanel />
          <MapPanel />
          <TwRegionsPanel />
          <PullingCellsPanel />
          <LearnedRoisPanel />
          <ModelCardPanel />
          <ImageInfo />
        </aside>
      </main>
      <PrintReport />
      <KeyboardShortcuts />
    </div>
  );
}
