// The subset of cornerstone-core 2.6 the page uses (the package ships no type declarations).
declare module 'cornerstone-core' {
  export interface CornerstoneImage {
    imageId: string;
    minPixelValue: number;
    maxPixelValue: number;
    slope: number;
    intercept: number;
    windowCenter: number;
    windowWidth: number;
    getPixelData: () => Int16Array | Uint16Array | Uint8Array;
    rows: number;
    columns: number;
    height: number;
    width: number;
    color: boolean;
    rgba?: boolean;
    invert: boolean;
    columnPixelSpacing?: number;
    rowPixelSpacing?: number;
    sizeInBytes: number;
  }

  export interface ImageLoadObject {
    promise: Promise<CornerstoneImage>;
    cancelFn?: () => void;
  }

  export interface Point {
    x: number;
    y: number;
  }

  export interface EnabledElement {
    element: HTMLElement;
    image?: CornerstoneImage;
    canvas: HTMLCanvasElement;
  }

  export interface Viewport {
    scale: number;
    translation: Point;
    voi: { windowWidth: number; windowCenter: number };
    invert: boolean;
  }

  export const EVENTS: {
    IMAGE_RENDERED: 'cornerstoneimagerendered';
    [name: string]: string;
  };

  export function enable(element: HTMLElement, options?: Record<string, unknown>): void;
  export function disable(element: HTMLElement): void;
  export function registerImageLoader(scheme: string, loader: (imageId: string) => ImageLoadObject): void;
  export function loadImage(imageId: string): Promise<CornerstoneImage>;
  export function displayImage(element: HTMLElement, image: CornerstoneImage, viewport?: Partial<Viewport>): void;
  export function getDefaultViewportForImage(element: HTMLElement, image: CornerstoneImage): Viewport;
  export function resize(element: HTMLElement, fitToWindow?: boolean): void;
  export function fitToWindow(element: HTMLElement): void;
  export function pixelToCanvas(element: HTMLElement, point: Point): Point;
  export function canvasToPixel(element: HTMLElement, point: Point): Point;
  export function getEnabledElement(element: HTMLElement): EnabledElement;
  export function updateImage(element: HTMLElement, invalidated?: boolean): void;
  export function getViewport(element: HTMLElement): Viewport | undefined;
  export function setViewport(element: HTMLElement, viewport: Partial<Viewport>): void;

  const cornerstone: {
    EVENTS: typeof EVENTS;
    enable: typeof enable;
    disable: typeof disable;
    registerImageLoader: typeof registerImageLoader;
    loadImage: typeof loadImage;
    displayImage: typeof displayImage;
    getDefaultViewportForImage: typeof getDefaultViewportForImage;
    resize: typeof resize;
    fitToWindow: typeof fitToWindow;
    pixelToCanvas: typeof pixelToCanvas;
    canvasToPixel: typeof canvasToPixel;
    getEnabledElement: typeof getEnabledElement;
    updateImage: typeof updateImage;
    getViewport: typeof getViewport;
    setViewport: typeof setViewport;
  };
  export default cornerstone;
}
