import cornerstone, { type Viewport as CsViewport } from 'cornerstone-core';
import type { AgeMap } from '../../core/model/types';
import { cellAt } from './cells';
import { valueRange } from './colormap';
import { panBy, windowLevelFromDrag, windowSensitivity, zoomAt, type Point, type ViewTransform, type Voi } from './geometry';
import { registerBoneAgeLoader } from './image-loader';
import { drawAgeMap } from './overlay';
import type { ViewReadout } from '../state/viewer-store';

/**
 * One cornerstone viewport with the age-map canvas stacked on it. The overlay is repainted on
 * every cornerstone render (cornerstoneimagerendered), mapping cell corners through
 * pixelToCanvas, so it follows whatever transform the viewport has.
 */
export class CornerstoneView {
  private shownImageId: string | null = null;
  private showToken = 0;
  /** The view is still as fitted (not zoomed or panned by the reader): a resize fits it again. */
  private fitted = true;
  private overlayState: { imageId: string; map: AgeMap; visible: boolean; opacity: number } | null = null;
  private readonly onRendered = () => {
    this.paintOverlay();
    this.onViewChange?.(this.readout());
  };
  /** Told the window, zoom and invert after every render. */
  onViewChange: ((readout: ViewReadout | null) => void) | null = null;
  private readonly resizeObserver: ResizeObserver;

  constructor(
    private readonly element: HTMLElement,
    private readonly overlay: HTMLCanvasElement,
  ) {
    registerBoneAgeLoader();
    cornerstone.enable(element);
    element.addEventListener(cornerstone.EVENTS.IMAGE_RENDERED, this.onRendered);
    this.resizeObserver = new ResizeObserver(() => {
      cornerstone.resize(element, this.fitted);
      this.paintOverlay();
    });
    this.resizeObserver.observe(element);
  }

  /** `onDrawn` is called once the image has been drawn (cornerstone draws on the next animation frame). */
  async show(imageId: string, onDrawn?: () => void): Promise<void> {
    if (this.shownImageId === imageId) return;
    const token = ++this.showToken;
    const image = await cornerstone.loadImage(imageId);
    if (token !== this.showToken) return; // another case was asked for meanwhile (J/K held down)
    this.shownImageId = imageId;
    this.fitted = true;
    if (onDrawn) this.element.addEventListener(cornerstone.EVENTS.IMAGE_RENDERED, () => onDrawn(), { once: true });
    // A fresh viewport per image: cornerstone otherwise keeps the previous image's window and fit.
    cornerstone.displayImage(this.element, image, cornerstone.getDefaultViewportForImage(this.element, image));
    this.paintOverlay();
  }

  /** The window, zoom and invert on screen, or null before an image is shown. */
  readout(): ViewReadout | null {
    const vp = this.viewport();
    if (!vp) return null;
    const imageId = this.displayedImage()?.imageId ?? '';
    return { imageId, windowWidth: vp.voi.windowWidth, windowCenter: vp.voi.windowCenter, scale: vp.scale, translation: { ...vp.translation }, invert: vp.invert };
  }

  /** Window/level after a drag of (dx, dy) canvas pixels from `start`. */
  windowFromDrag(start: Voi, dx: number, dy: number): void {
    const image = this.displayedImage();
    if (!image) return;
    const perPixel = windowSensitivity(image.minPixelValue, image.maxPixelValue, image.slope);
    this.update({ voi: windowLevelFromDrag(start, dx, dy, perPixel) });
  }

  /** Zooms by `factor` about a client (mouse) position, or about the canvas centre. */
  zoom(factor: number, client?: { clientX: number; clientY: number }): void {
    const vp = this.viewport();
    if (!vp) return;
    let at: Point = { x: 0, y: 0 };
    if (client) {
      // cornerstone centres the image on its canvas (whole pixels), not on the element's fractional box.
      const box = this.element.getBoundingClientRect();
      const canvas = cornerstone.getEnabledElement(this.element).canvas;
      at = { x: client.clientX - box.left - canvas.width / 2, y: client.clientY - box.top - canvas.height / 2 };
    }
    this.fitted = false;
    this.update(zoomAt(transformOf(vp), factor, at));
  }

  /** Pans from the transform `start` by a drag of (dx, dy) canvas pixels. */
  panFrom(start: ViewTransform, dx: number, dy: number): void {
    this.fitted = false;
    this.update(panBy(start, dx, dy));
  }

  /** The current scale and translation (for a drag to start from). */
  transform(): ViewTransform | null {
    const vp = this.viewport();
    return vp ? transformOf(vp) : null;
  }

  voi(): Voi | null {
    const vp = this.viewport();
    return vp ? { ...vp.voi } : null;
  }

  toggleInvert(): void {
    const vp = this.viewport();
    if (vp) this.update({ invert: !vp.invert });
  }

  /** Back to the image's own window, fitted to the viewport, not inverted. */
  reset(): void {
    const image = this.displayedImage();
    if (!image) return;
    this.fitted = true;
    cornerstone.setViewport(this.element, cornerstone.getDefaultViewportForImage(this.element, image));
  }

  setOverlay(state: { imageId: string; map: AgeMap; visible: boolean; opacity: number } | null): void {
    this.overlayState = state;
    this.paintOverlay();
  }

  /** Image pixel under a client (mouse) position, with the map cell there if a map is shown. */
  probe(clientX: number, clientY: number): { row: number; col: number; months: number; weight?: number } | null {
    const state = this.overlayState;
    const image = this.displayedImage();
    if (!state || !image || image.imageId !== state.imageId) return null;
    const box = this.element.getBoundingClientRect();
    const p = cornerstone.canvasToPixel(this.element, { x: clientX - box.left, y: clientY - box.top });
    const cell = cellAt(p.x, p.y, state.map.rows, state.map.cols, image.width, image.height);
    if (!cell) return null;
    const i = cell.row * state.map.cols + cell.col;
    return { ...cell, months: state.map.months[i], ...(state.map.weights ? { weight: state.map.weights[i] } : {}) };
  }

  /** Forgets the image on screen (the case shown has none yet): the next show() always displays. */
  forget(): void {
    this.shownImageId = null;
    this.showToken++;
  }

  destroy(): void {
    this.onViewChange = null;
    this.resizeObserver.disconnect();
    this.element.removeEventListener(cornerstone.EVENTS.IMAGE_RENDERED, this.onRendered);
    cornerstone.disable(this.element);
  }

  private viewport() {
    if (!this.displayedImage()) return null;
    return cornerstone.getViewport(this.element) ?? null;
  }

  private update(patch: Partial<CsViewport>): void {
    const vp = this.viewport();
    if (vp) cornerstone.setViewport(this.element, { ...vp, ...patch });
  }

  private displayedImage() {
    try {
      return cornerstone.getEnabledElement(this.element).image ?? null;
    } catch {
      return null;
    }
  }

  private paintOverlay(): void {
    let canvas: HTMLCanvasElement;
    try {
      canvas = cornerstone.getEnabledElement(this.element).canvas;
    } catch {
      return;
    }
    const overlay = this.overlay;
    if (overlay.width !== canvas.width) overlay.width = canvas.width;
    if (overlay.height !== canvas.height) overlay.height = canvas.height;
    overlay.style.width = `${canvas.clientWidth || canvas.width}px`;
    overlay.style.height = `${canvas.clientHeight || canvas.height}px`;
    const ctx = overlay.getContext('2d');
    if (!ctx) return;
    ctx.clearRect(0, 0, overlay.width, overlay.height);
    const state = this.overlayState;
    const image = this.displayedImage();
    if (!state || !state.visible || state.opacity <= 0 || !image || image.imageId !== state.imageId) return;
    drawAgeMap(
      ctx,
      state.map,
      { imageWidth: image.width, imageHeight: image.height, toCanvas: (p) => cornerstone.pixelToCanvas(this.element, p) },
      valueRange(state.map.months),
      state.opacity,
    );
  }
}

function transformOf(vp: { scale: number; translation: Point }): ViewTransform {
  return { scale: vp.scale, translation: { x: vp.translation.x, y: vp.translation.y } };
}
