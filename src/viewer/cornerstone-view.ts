import cornerstone from 'cornerstone-core';
import type { AgeMap } from '../../core/model/types';
import { cellAt } from './cells';
import { valueRange } from './colormap';
import { registerBoneAgeLoader } from './image-loader';
import { drawAgeMap } from './overlay';

/**
 * One cornerstone viewport with the age-map canvas stacked on it. The overlay is repainted on
 * every cornerstone render (cornerstoneimagerendered), mapping cell corners through
 * pixelToCanvas, so it follows whatever transform the viewport has.
 */
export class CornerstoneView {
  private shownImageId: string | null = null;
  private overlayState: { imageId: string; map: AgeMap; visible: boolean; opacity: number } | null = null;
  private readonly onRendered = () => this.paintOverlay();
  private readonly resizeObserver: ResizeObserver;

  constructor(
    private readonly element: HTMLElement,
    private readonly overlay: HTMLCanvasElement,
  ) {
    registerBoneAgeLoader();
    cornerstone.enable(element);
    element.addEventListener(cornerstone.EVENTS.IMAGE_RENDERED, this.onRendered);
    this.resizeObserver = new ResizeObserver(() => {
      cornerstone.resize(element, true);
      this.paintOverlay();
    });
    this.resizeObserver.observe(element);
  }

  /** `onDrawn` is called once the image has been drawn (cornerstone draws on the next animation frame). */
  async show(imageId: string, onDrawn?: () => void): Promise<void> {
    if (this.shownImageId === imageId) return;
    const image = await cornerstone.loadImage(imageId);
    this.shownImageId = imageId;
    if (onDrawn) this.element.addEventListener(cornerstone.EVENTS.IMAGE_RENDERED, () => onDrawn(), { once: true });
    // A fresh viewport per image: cornerstone otherwise keeps the previous image's window and fit.
    cornerstone.displayImage(this.element, image, cornerstone.getDefaultViewportForImage(this.element, image));
    this.paintOverlay();
  }

  setOverlay(state: { imageId: string; map: AgeMap; visible: boolean; opacity: number } | null): void {
    this.overlayState = state;
    this.paintOverlay();
  }

  /** Image pixel under a client (mouse) position, with the map cell there if a map is shown. */
  probe(clientX: number, clientY: number): { row: number; col: number; months: number } | null {
    const state = this.overlayState;
    const image = this.displayedImage();
    if (!state || !image || image.imageId !== state.imageId) return null;
    const box = this.element.getBoundingClientRect();
    const p = cornerstone.canvasToPixel(this.element, { x: clientX - box.left, y: clientY - box.top });
    const cell = cellAt(p.x, p.y, state.map.rows, state.map.cols, image.width, image.height);
    return cell ? { ...cell, months: state.map.months[cell.row * state.map.cols + cell.col] } : null;
  }

  destroy(): void {
    this.resizeObserver.disconnect();
    this.element.removeEventListener(cornerstone.EVENTS.IMAGE_RENDERED, this.onRendered);
    cornerstone.disable(this.element);
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
