// The chart's canvas in the mini-program: a `Canvas type="2d"` node found by a selector
// query, sized for the device pixel ratio, redrawn when the window changes size.
import { Canvas } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useEffect, useRef, useState } from 'react';
import { drawChart, type DrawnChart } from './draw';
import type { ChartSpec } from './specs';

interface Props {
  spec: ChartSpec;
  large: boolean;
  /** CSS px. */
  height: number;
}

type CanvasNode = Taro.Canvas & {
  width: number;
  height: number;
  requestAnimationFrame?: (callback: () => void) => number;
  cancelAnimationFrame?: (id: number) => void;
};

let nextId = 0;

// The library measures text on a canvas of its own; the mini-program cannot create one from a
// document, so one offscreen canvas (base library 2.16.1+) serves every chart.
let measuring: unknown;
function measuringCanvas(): unknown {
  if (measuring === undefined) {
    try {
      measuring = Taro.createOffscreenCanvas({ type: '2d', width: 10, height: 10 });
    } catch {
      measuring = null;
    }
  }
  return measuring ?? undefined;
}

export default function ChartSurface({ spec, large, height }: Props) {
  const id = useRef(`chart-${++nextId}`).current;
  const [resized, setResized] = useState(0);

  useEffect(() => {
    const onResize = () => setResized((n) => n + 1);
    Taro.onWindowResize(onResize);
    return () => Taro.offWindowResize(onResize);
  }, []);

  useEffect(() => {
    let cancelled = false;
    let chart: DrawnChart | undefined;
    const draw = (attempt: number) => {
      Taro.createSelectorQuery()
        .select(`#${id}`)
        .fields({ node: true, size: true })
        .exec((result) => {
          const found = result?.[0] as { node?: CanvasNode; width?: number; height?: number } | undefined;
          if (!found?.node || !found.width) {
            if (!cancelled && attempt < 10) setTimeout(() => draw(attempt + 1), 50);
            return;
          }
          if (cancelled) return;
          const canvas = found.node;
          const pixelRatio = Taro.getWindowInfo?.().pixelRatio ?? 2;
          canvas.width = found.width * pixelRatio;
          canvas.height = height * pixelRatio;
          chart = drawChart(
            {
              context: canvas.getContext('2d') as CanvasRenderingContext2D,
              width: found.width,
              height,
              pixelRatio,
              requestAnimationFrame: canvas.requestAnimationFrame?.bind(canvas),
              cancelAnimationFrame: canvas.cancelAnimationFrame?.bind(canvas),
              offscreenCanvas: measuringCanvas(),
            },
            spec,
            large,
          );
        });
    };
    Taro.nextTick(() => draw(0));
    return () => {
      cancelled = true;
      chart?.destroy();
    };
  }, [id, spec, large, height, resized]);

  return <Canvas type="2d" id={id} className="chart-surface" style={{ width: '100%', height: `${height}px` }} />;
}
