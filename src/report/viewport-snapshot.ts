/**
 * The radiograph as displayed, with the age map when it is shown, as a PNG data URL for the printed
 * report (canvases do not print reliably, and the viewer is hidden in print). Null when nothing is drawn.
 */
export function snapshotViewport(root: ParentNode = document): string | null {
  const image = root.querySelector<HTMLCanvasElement>('.cornerstone-element canvas');
  if (!image || image.width === 0 || image.height === 0) return null;
  const overlay = root.querySelector<HTMLCanvasElement>('canvas[data-testid="age-map"]');
  const out = document.createElement('canvas');
  out.width = image.width;
  out.height = image.height;
  const ctx = out.getContext('2d');
  if (!ctx) return null;
  ctx.drawImage(image, 0, 0);
  if (overlay && !overlay.hidden && overlay.width === image.width && overlay.height === image.height) ctx.drawImage(overlay, 0, 0);
  return out.toDataURL('image/png');
}
