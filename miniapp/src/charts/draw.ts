// Draws a ChartSpec with @antv/f2 v5 on a 2D canvas context that the platform surface
// (ChartSurface.h5 / .weapp) hands over already sized for the device pixel ratio.
// Large-text mode draws bigger labels and taller rows; colours come from CHART_COLORS.
// F2's JSX is called as functions (jsx(Type, props)) so React's JSX stays React's.
import { Axis, Canvas, Chart, Interval, Legend, Line, Point, TextGuide, jsx } from '@antv/f2';
import { CHART_COLORS, type ChartSpec } from './specs';

/** An F2 element; F2's typings want each component's exact props, which the specs build loosely. */
const el = (type: unknown, props: Record<string, unknown>) => jsx(type as Parameters<typeof jsx>[0], props);

export interface Surface {
  context: CanvasRenderingContext2D;
  /** CSS pixels. */
  width: number;
  height: number;
  pixelRatio: number;
  /** The mini-program canvas's own frame scheduler (weapp has no global one). */
  requestAnimationFrame?: (callback: () => void) => number;
  cancelAnimationFrame?: (id: number) => void;
  /**
   * A canvas the library measures text on. The browser's is made on demand; the mini-program
   * has no document.createElement('canvas'), so its surface passes an offscreen one.
   */
  offscreenCanvas?: unknown;
}

export interface DrawnChart {
  destroy(): void;
}

const INK = '#333333';
const GRID = '#d9d9d9';

export function chartFontSize(large: boolean): number {
  return large ? 18 : 13;
}

const barRow = (large: boolean) => (large ? 72 : 52);

/** The height a spec needs: bars grow with their rows (name above, bar below), months have a fixed frame. */
export function chartHeight(spec: ChartSpec, large: boolean): number {
  if (spec.kind === 'bars') return spec.data.length * barRow(large) + 8;
  return (large ? 300 : 230) + (spec.series ? (large ? 36 : 28) : 0);
}

/**
 * The top of the value axis: shares end at 100%; the longest bar fills its row (bars have
 * no axis); a month axis ends on a multiple of 4 so its 5 ticks are whole numbers.
 */
export function axisMax(spec: ChartSpec): number {
  if (spec.max !== undefined) return spec.max;
  const top = Math.max(0, ...spec.data.map((d) => d.value));
  return spec.kind === 'bars' ? Math.max(1, top) : Math.max(4, Math.ceil(top / 4) * 4);
}

const percentTick = (value: number) => `${Math.round(value * 100)}%`;
const countTick = (value: number) => String(Math.round(value * 10) / 10);

function barChildren(spec: ChartSpec, large: boolean) {
  const fontSize = chartFontSize(large);
  // The category's name above its bar and the value after it: names are never squeezed into an axis.
  const nameOffset = -(barRow(large) * 0.2 + 4);
  return [
    el(Axis, { field: 'label', visible: false }),
    el(Axis, { field: 'value', visible: false }),
    el(Interval, { x: 'label', y: 'value', color: CHART_COLORS[0], sizeRatio: 0.4 }),
    ...spec.data.flatMap((d) => [
      el(TextGuide, {
        records: [{ label: d.label, value: 0 }],
        content: d.label,
        offsetY: nameOffset,
        style: { fontSize, fill: INK, textAlign: 'start', textBaseline: 'bottom', fontWeight: 'normal' },
      }),
      el(TextGuide, {
        records: [{ label: d.label, value: d.value }],
        content: d.valueText,
        offsetX: 6,
        style: { fontSize, fill: INK, textAlign: 'start', textBaseline: 'middle', fontWeight: 'bold' },
      }),
    ]),
  ];
}

function monthChildren(spec: ChartSpec, large: boolean) {
  const fontSize = chartFontSize(large);
  const label = { fontSize, fill: INK };
  // Months as numbers (the title says 每月); in large text every other one so none overlap.
  const monthTick = (text: string, index: number) => ({ ...label, text: large && index % 2 === 1 ? '' : text.replace('月', '') });
  const children: unknown[] = [
    el(Axis, { field: 'label', style: { label: monthTick } }),
    el(Axis, { field: 'value', tickCount: 5, formatter: spec.percent ? percentTick : countTick, style: { label, grid: { stroke: GRID, lineWidth: 1 } } }),
  ];
  if (spec.series) {
    children.push(
      el(Legend, { position: 'top', nameStyle: { fontSize, fill: INK }, marker: 'square' }),
      el(Interval, { x: 'label', y: 'value', color: { field: 'series', range: [...CHART_COLORS] }, adjust: 'dodge', sizeRatio: 0.8 }),
    );
  } else if (spec.kind === 'line') {
    children.push(
      el(Line, { x: 'label', y: 'value', color: CHART_COLORS[0], style: { lineWidth: large ? 4 : 3 } }),
      el(Point, { x: 'label', y: 'value', color: CHART_COLORS[0], size: large ? 6 : 4 }),
    );
  } else {
    children.push(el(Interval, { x: 'label', y: 'value', color: CHART_COLORS[0], sizeRatio: 0.6 }));
  }
  return children;
}

/** Renders the spec; the caller destroys the chart before drawing again (resize, large text). */
export function drawChart(surface: Surface, spec: ChartSpec, large: boolean): DrawnChart {
  // Bars list the first category on top: F2's transposed axis starts at the bottom.
  const data = spec.kind === 'bars' ? [...spec.data].reverse() : spec.data;
  const chart = el(Chart, {
    data,
    coord: spec.kind === 'bars' ? { transposed: true } : undefined,
    // Bars: room above the first name, and on the right for the value written after the longest bar.
    style: spec.kind === 'bars' ? { padding: [large ? 28 : 22, large ? 96 : 72, 4, 4] } : undefined,
    scale: {
      value: { min: 0, max: axisMax(spec), nice: false, tickCount: 5 },
      label: { type: 'cat', ...(spec.categories ? { values: spec.categories } : {}) },
    },
    children: spec.kind === 'bars' ? barChildren(spec, large) : monthChildren(spec, large),
  });
  const canvas = new Canvas({
    context: surface.context,
    width: surface.width,
    height: surface.height,
    pixelRatio: surface.pixelRatio,
    animate: false,
    // Sizes in CSS pixels, as the rest of the app writes them.
    px2hd: (px: number) => px,
    theme: { fontSize: chartFontSize(large), fontFamily: 'sans-serif' },
    requestAnimationFrame: surface.requestAnimationFrame,
    cancelAnimationFrame: surface.cancelAnimationFrame,
    offscreenCanvas: surface.offscreenCanvas,
    children: chart,
  } as ConstructorParameters<typeof Canvas>[0]);
  void canvas.render();
  return { destroy: () => canvas.destroy() };
}
