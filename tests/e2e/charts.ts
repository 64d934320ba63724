/// <reference lib="dom" />
// Reads the app's charts (src/charts) in the browser: how much of each canvas is drawn,
// and in which colours, so a test knows the library really rendered rather than left a blank box.
import type { Locator } from 'playwright-core';

export interface CanvasInk {
  /** The canvas bitmap's size in device pixels (CSS size x devicePixelRatio). */
  width: number;
  height: number;
  /** Pixels that are not transparent. */
  inked: number;
  /** Pixels of the given colour (within a small tolerance). */
  ofColor: number;
}

/** Counts drawn pixels of the chart card's canvas, and those of `color` (#rrggbb). */
export async function canvasInk(chart: Locator, color = '#0a58a8'): Promise<CanvasInk> {
  const canvas = chart.locator('canvas').first();
  await canvas.waitFor();
  return canvas.evaluate((el, hex) => {
    const c = el as HTMLCanvasElement;
    const data = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
    const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
    let inked = 0;
    let ofColor = 0;
    for (let i = 0; i < data.length; i += 4) {
      if (data[i + 3]! > 0) inked += 1;
      if (data[i + 3]! > 200 && Math.abs(data[i]! - r!) < 8 && Math.abs(data[i + 1]! - g!) < 8 && Math.abs(data[i + 2]! - b!) < 8) ofColor += 1;
    }
    return { width: c.width, height: c.height, inked, ofColor };
  }, color);
}
