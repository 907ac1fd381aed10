import cornerstone from 'cornerstone-core';
import { useEffect, useState, type RefObject } from 'react';
import { useLocaliserStore } from '../state/localiser-store';
import { currentCase, useStore } from '../state/store';
import { drawnBoxes, type DrawnBox } from '../viewer/roi-boxes';
import './tw-regions.css';

/**
 * The localiser's boxes as an SVG over the cornerstone canvas, with their names. Recomputed on every
 * cornerstone render (cornerstoneimagerendered), like the age map, so it stays aligned through pan, zoom and resize.
 */
export function TwRegionsOverlay({ element }: { element: RefObject<HTMLDivElement | null> }) {
  const regions = useLocaliserStore((s) => s.regions);
  const shown = useLocaliserStore((s) => s.shown);
  const imageId = useStore((s) => currentCase(s)?.imageId ?? null);
  const [frame, setFrame] = useState<{ boxes: DrawnBox[]; width: number; height: number; cssWidth: number; cssHeight: number } | null>(null);

  useEffect(() => {
    const el = element.current;
    if (!el) return;
    const update = () => {
      let enabled;
      try {
        enabled = cornerstone.getEnabledElement(el);
      } catch {
        setFrame(null);
        return;
      }
      const { canvas, image } = enabled;
      if (!regions || !image || image.imageId !== regions.imageId || regions.imageId !== imageId) {
        setFrame(null);
        return;
      }
      setFrame({
        boxes: drawnBoxes(regions.boxes, shown, (p) => cornerstone.pixelToCanvas(el, p)),
        width: canvas.width,
        height: canvas.height,
        cssWidth: canvas.clientWidth || canvas.width,
        cssHeight: canvas.clientHeight || canvas.height,
      });
    };
    update();
    el.addEventListener(cornerstone.EVENTS.IMAGE_RENDERED, update);
    return () => el.removeEventListener(cornerstone.EVENTS.IMAGE_RENDERED, update);
  }, [element, regions, shown, imageId]);

  if (!frame) return null;
  return (
    <svg
      className="tw-regions"
      data-testid="tw-regions"
      width={frame.cssWidth}
      height={frame.cssHeight}
      viewBox={`0 0 ${frame.width} ${frame.height}`}
      aria-label="Tanner–Whitehouse regions located on the radiograph"
    >
      {frame.boxes.map((b) => (
        <g key={b.name} data-testid="tw-box" data-label={b.label} data-name={b.name}>
          <rect x={b.x} y={b.y} width={b.width} height={b.height} stroke={b.colour} />
          <text x={b.x + 2} y={Math.max(10, b.y - 3)} fill={b.colour}>
            {b.name}
          </text>
        </g>
      ))}
    </svg>
  );
}
