import cornerstone from 'cornerstone-core';
import { useEffect, useRef, type RefObject } from 'react';
import { useRoisStore } from '../state/rois-store';
import { currentCase, useStore } from '../state/store';
import { drawLearnedRois } from '../viewer/roi-overlay';

/**
 * The learned-ROI layer stacked on the viewport, repainted on every cornerstone render (so it
 * follows pan, zoom and resize) through pixelToCanvas, like the age map.
 */
export function LearnedRoiCanvas({ element }: { element: RefObject<HTMLDivElement | null> }) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const current = useStore(currentCase);
  const result = useRoisStore((s) => s.result);
  const visible = useRoisStore((s) => s.visible);
  const opacity = useRoisStore((s) => s.opacity);
  const shown = result && current && result.seq === current.seq ? result : null;

  useEffect(() => {
    const el = element.current;
    const canvas = canvasRef.current;
    if (!el || !canvas) return;
    const paint = () => {
      let enabled;
      try {
        enabled = cornerstone.getEnabledElement(el);
      } catch {
        return;
      }
      const base = enabled.canvas;
      if (canvas.width !== base.width) canvas.width = base.width;
      if (canvas.height !== base.height) canvas.height = base.height;
      canvas.style.width = `${base.clientWidth || base.width}px`;
      canvas.style.height = `${base.clientHeight || base.height}px`;
      const ctx = canvas.getContext('2d');
      if (!ctx) return;
      ctx.clearRect(0, 0, canvas.width, canvas.height);
      const image = enabled.image;
      if (!shown || !visible || !image || image.imageId !== current?.imageId) return;
      drawLearnedRois(ctx, shown.rois, { imageWidth: image.width, imageHeight: image.height, toCanvas: (p) => cornerstone.pixelToCanvas(el, p) }, opacity);
    };
    paint();
    el.addEventListener(cornerstone.EVENTS.IMAGE_RENDERED, paint);
    return () => el.removeEventListener(cornerstone.EVENTS.IMAGE_RENDERED, paint);
  }, [element, shown, visible, opacity, current?.imageId]);

  return (
    <canvas
      className="learned-rois"
      ref={canvasRef}
      data-testid="learned-roi-canvas"
      data-count={shown?.rois.length ?? 0}
      hidden={!shown || !visible}
      aria-label={shown ? `${shown.rois.length} learned regions of interest, layer ${shown.layer}` : undefined}
    />
  );
}
