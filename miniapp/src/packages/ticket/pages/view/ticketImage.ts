/// <reference lib="dom" />
// The forwarded code as a picture (H5): drawn on a canvas from the signed code
// itself, so the image holds exactly what the door checks: the QR, the 6 digits
// read out, and what the attendee needs to find the event.
import { create } from 'qrcode';
import type { TicketView } from '@kepu/shared';
import { formatRange } from '@/utils/time';

const WIDTH = 600;
const HEIGHT = 960;
const FONT = '"Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", sans-serif';

/** Breaks text into lines no wider than `width`, at most `max` lines (the last one cut with …). */
function wrap(ctx: CanvasRenderingContext2D, text: string, width: number, max: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const char of text) {
    if (ctx.measureText(line + char).width > width && line) {
      lines.push(line);
      line = char;
    } else line += char;
  }
  if (line) lines.push(line);
  if (lines.length <= max) return lines;
  const kept = lines.slice(0, max);
  kept[max - 1] = `${kept[max - 1]!.slice(0, -1)}…`;
  return kept;
}

export function drawTicketImage(ticket: TicketView): Promise<Blob> {
  const canvas = document.createElement('canvas');
  canvas.width = WIDTH;
  canvas.height = HEIGHT;
  const ctx = canvas.getContext('2d');
  if (!ctx || !ticket.code || !ticket.shortCode) return Promise.reject(new Error('no code to draw'));
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, WIDTH, HEIGHT);
  ctx.fillStyle = '#0a58a8';
  ctx.fillRect(0, 0, WIDTH, 88);
  ctx.fillStyle = '#ffffff';
  ctx.font = `bold 36px ${FONT}`;
  ctx.textBaseline = 'middle';
  ctx.fillText('科普汇 · 活动签到码', 40, 44);

  ctx.textBaseline = 'alphabetic';
  ctx.fillStyle = '#1a1a1a';
  ctx.font = `bold 34px ${FONT}`;
  let y = 150;
  for (const line of wrap(ctx, ticket.event.title, WIDTH - 80, 2)) {
    ctx.fillText(line, 40, y);
    y += 46;
  }
  ctx.font = `28px ${FONT}`;
  const details = [`参加者：${ticket.attendeeName}`, formatRange(ticket.event.startsAt, ticket.event.endsAt), ticket.event.venue.name];
  for (const detail of details) {
    for (const line of wrap(ctx, detail, WIDTH - 80, 2)) {
      ctx.fillText(line, 40, y);
      y += 40;
    }
  }

  const { modules } = create(ticket.code, { errorCorrectionLevel: 'M' });
  const quiet = 2;
  const size = 380;
  const cell = Math.floor(size / (modules.size + quiet * 2));
  const drawn = cell * (modules.size + quiet * 2);
  const left = Math.round((WIDTH - drawn) / 2);
  const top = y + 10;
  ctx.fillStyle = '#000000';
  for (let row = 0; row < modules.size; row++) {
    for (let col = 0; col < modules.size; col++) {
      if (modules.get(row, col)) ctx.fillRect(left + (col + quiet) * cell, top + (row + quiet) * cell, cell, cell);
    }
  }

  ctx.textAlign = 'center';
  ctx.fillStyle = '#1a1a1a';
  ctx.font = `bold 72px ${FONT}`;
  ctx.fillText(`${ticket.shortCode.slice(0, 3)} ${ticket.shortCode.slice(3)}`, WIDTH / 2, top + drawn + 84);
  ctx.font = `26px ${FONT}`;
  ctx.fillStyle = '#474747';
  ctx.fillText('到场后出示二维码，或向工作人员报出 6 位数字', WIDTH / 2, top + drawn + 136);

  return new Promise((resolve, reject) => canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('toBlob failed'))), 'image/png'));
}
