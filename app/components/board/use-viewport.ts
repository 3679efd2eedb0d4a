import { useCallback, useState } from "react";

/** What part of the board the canvas shows: screen = board × zoom + pan. */
export interface Viewport {
  panX: number;
  panY: number;
  zoom: number;
}

export const MIN_ZOOM = 0.1;
export const MAX_ZOOM = 4;

const clampZoom = (zoom: number) => Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, zoom));

export function toBoardPoint(viewport: Viewport, screen: { x: number; y: number }) {
  return { x: (screen.x - viewport.panX) / viewport.zoom, y: (screen.y - viewport.panY) / viewport.zoom };
}

export function useViewport() {
  const [viewport, setViewport] = useState<Viewport>({ panX: 0, panY: 0, zoom: 1 });

  /** Zooms by `factor` keeping the board point under `anchor` (canvas coordinates) where it is. */
  const zoomAt = useCallback((anchor: { x: number; y: number }, factor: number) => {
    setViewport((current) => {
      const zoom = clampZoom(current.zoom * factor);
      const scale = zoom / current.zoom;
      return { zoom, panX: anchor.x - (anchor.x - current.panX) * scale, panY: anchor.y - (anchor.y - current.panY) * scale };
    });
  }, []);

  const panBy = useCallback((dx: number, dy: number) => {
    setViewport((current) => ({ ...current, panX: current.panX + dx, panY: current.panY + dy }));
  }, []);

  /** Shows the whole box in a canvas of this size, never zooming in beyond 100 %. */
  const fit = useCallback((box: { x: number; y: number; w: number; h: number }, size: { width: number; height: number }) => {
    const margin = 32;
    const zoom = clampZoom(Math.min(1, (size.width - 2 * margin) / Math.max(1, box.w), (size.height - 2 * margin) / Math.max(1, box.h)));
    setViewport({ zoom, panX: (size.width - box.w * zoom) / 2 - box.x * zoom, panY: (size.height - box.h * zoom) / 2 - box.y * zoom });
  }, []);

  return { viewport, setViewport, zoomAt, panBy, fit };
}
