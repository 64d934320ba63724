// The chart's canvas in the browser: a plain <canvas> (Taro's H5 Canvas resets the
// bitmap size on each of its renders), sized for devicePixelRatio, redrawn on resize.
import { useEffect, useRef, useState } from 'react';
import { drawChart } from './draw';
import type { ChartSpec } from './specs';

interface Props {
  spec: ChartSpec;
  large: boolean;
  /** CSS px. */
  height: number;
}

export default function ChartSurface({ spec, large, height }: Props) {
  const ref = useRef<HTMLCanvasElement>(null);
  const [resized, setResized] = useState(0);

  useEffect(() => {
    const onResize = () => setResized((n) => n + 1);
    window.addEventListener('resize', onResize);
    return () => window.removeEventListener('resize', onResize);
  }, []);

  useEffect(() => {
    const canvas = ref.current;
    const context = canvas?.getContext('2d');
    if (!canvas || !context) return;
    const width = canvas.clientWidth || canvas.parentElement?.clientWidth || 320;
    const pixelRatio = window.devicePixelRatio || 1;
    canvas.width = Math.round(width * pixelRatio);
    canvas.height = Math.round(height * pixelRatio);
    const chart = drawChart({ context, width, height, pixelRatio }, spec, large);
    return () => chart.destroy();
  }, [spec, large, height, resized]);

  return <canvas ref={ref} className="chart-surface" style={{ display: 'block', width: '100%', height: `${height}px` }} aria-hidden="true" />;
}
