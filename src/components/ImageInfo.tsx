import { formatPixelSpacing } from '../format/pixel-spacing';
import { currentCase, useStore } from '../state/store';

/** The open file: name, format, size, and anything the decoder wants the reader to know. */
export function ImageInfo() {
  const current = useStore(currentCase);
  if (!current?.image) return null;
  const { image } = current;
  return (
    <section className="panel image-info">
      <h2>Image</h2>
      <p data-testid="image-info" data-seq={current.seq}>
        <span className="file-name">{current.fileName}</span>
        <span className="muted">
          {' '}
          · {image.format.toUpperCase()} · {image.width}×{image.height} · {image.bitDepth}-bit
        </span>
      </p>
      {image.pixelSpacing ? (
        <p className="muted" data-testid="pixel-spacing">
          {formatPixelSpacing(image.pixelSpacing)}
        </p>
      ) : null}
      {image.notices.length > 0 ? (
        <ul className="notices" data-testid="image-notices">
          {image.notices.map((n) => (
            <li key={n}>{n}</li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
