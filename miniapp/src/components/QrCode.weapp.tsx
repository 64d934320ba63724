// Draws a QR code on a 2D canvas on the device: the code never leaves the phone as an image.
import { Canvas } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { create } from 'qrcode';
import { useEffect, useRef } from 'react';

interface Props {
  text: string;
  /** Edge length in CSS px. */
  size?: number;
}

let nextId = 0;

export default function QrCode({ text, size = 240 }: Props) {
  const id = useRef(`qr-${++nextId}`).current;

  useEffect(() => {
    let cancelled = false;
    const draw = (attempt: number) => {
      Taro.createSelectorQuery()
        .select(`#${id}`)
        .fields({ node: true, size: true })
        .exec((result) => {
          const canvas = result?.[0]?.node as (Taro.Canvas & { width: number; height: number }) | undefined;
          if (!canvas) {
            if (!cancelled && attempt < 10) setTimeout(() => draw(attempt + 1), 50);
            return;
          }
          if (cancelled) return;
          const ratio = Taro.getWindowInfo?.().pixelRatio ?? 2;
          canvas.width = size * ratio;
          canvas.height = size * ratio;
          const ctx = canvas.getContext('2d') as CanvasRenderingContext2D;
          const { modules } = create(text, { errorCorrectionLevel: 'M' });
          const quiet = 2;
          const cell = (size * ratio) / (modules.size + quiet * 2);
          ctx.fillStyle = '#ffffff';
          ctx.fillRect(0, 0, canvas.width, canvas.height);
          ctx.fillStyle = '#000000';
          for (let row = 0; row < modules.size; row++) {
            for (let col = 0; col < modules.size; col++) {
              if (modules.get(row, col)) ctx.fillRect((col + quiet) * cell, (row + quiet) * cell, Math.ceil(cell), Math.ceil(cell));
            }
          }
        });
    };
    Taro.nextTick(() => draw(0));
    return () => {
      cancelled = true;
    };
  }, [id, text, size]);

  return <Canvas type="2d" id={id} style={{ width: `${size}px`, height: `${size}px` }} />;
}
