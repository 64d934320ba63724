// The printable 志愿服务记录证明: a volunteer's certified hours, events and
// organizations as a PDF. Chinese needs a CJK font; the machine's Noto CJK
// (Debian fonts-noto-cjk) is used unless CERT_FONT names another.
import { existsSync, readFileSync } from 'node:fs';
import type QRCode from 'qrcode';
import { formatFullDate, type ServiceRecordItem } from '@kepu/shared';
import { AppError } from '../../core/errors';

/** A font file and, for a collection (.ttc), the face to use. */
export interface FontChoice {
  path: string;
  face?: string;
}

const SYSTEM_FONTS: FontChoice[] = [
  { path: '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc', face: 'NotoSansCJKsc-Regular' },
  { path: '/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc', face: 'NotoSerifCJKsc-Regular' },
  { path: '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc', face: 'WenQuanYiMicroHei' },
  { path: '/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf' },
];

/** CERT_FONT is `path` or `path#FaceName` (for .ttc collections). */
export function findCertificateFont(configured: string | null): FontChoice | null {
  if (configured) {
    const [path, face] = configured.split('#');
    return path && existsSync(path) ? { path, ...(face ? { face } : {}) } : null;
  }
  return SYSTEM_FONTS.find((font) => existsSync(font.path)) ?? null;
}

// A CJK font is megabytes: read once per process, not on every certificate.
const fontFiles = new Map<string, Buffer>();
function fontBytes(path: string): Buffer {
  let bytes = fontFiles.get(path);
  if (!bytes) {
    bytes = readFileSync(path);
    fontFiles.set(path, bytes);
  }
  return bytes;
}

export interface CertificateInput {
  realName: string;
  team: string | null;
  totalHours: number;
  record: ServiceRecordItem[];
  issuedAt: Date;
  /** KP-2026-XXXXXXXX, printed and encoded in the QR code's address. */
  serial: string;
  /** The public verification page of this serial. */
  verifyUrl: string;
}

/** The QR code of `text` drawn as squares (vector, sharp at any print size), `size` points wide, top-left at x, y. */
function drawQr(qrcode: typeof QRCode, doc: PDFKit.PDFDocument, text: string, x: number, y: number, size: number): void {
  const qr = qrcode.create(text, { errorCorrectionLevel: 'M' });
  const count = qr.modules.size;
  const cell = size / count;
  doc.save().fillColor('#000000');
  for (let row = 0; row < count; row++) {
    for (let col = 0; col < count; col++) {
      if (qr.modules.get(row, col)) doc.rect(x + col * cell, y + row * cell, cell, cell);
    }
  }
  doc.fill().restore();
}

export async function renderCertificate(input: CertificateInput, font: FontChoice | null): Promise<Buffer> {
  if (!font) throw new AppError('CERTIFICATE_UNAVAILABLE', 503);
  // Loaded with the first certificate: pdfkit, its font engine and qrcode are some 14 MB most processes never need.
  const [{ default: PDFDocument }, { default: qrcode }] = await Promise.all([import('pdfkit'), import('qrcode')]);
  const doc = new PDFDocument({ size: 'A4', margin: 56, info: { Title: '志愿服务记录证明', Author: '科普汇' } });
  try {
    doc.registerFont('cjk', fontBytes(font.path), font.face);
    doc.font('cjk');
  } catch {
    // Not a font (or gone), or a collection (.ttc) without the right face name: a configuration problem, not the user's.
    throw new AppError('CERTIFICATE_UNAVAILABLE', 503, { font: font.path });
  }
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  doc.fontSize(22).text('志愿服务记录证明', { align: 'center' }).moveDown(1.2);
  doc
    .fontSize(12)
    .text(`志愿者：${input.realName}${input.team ? `（${input.team}）` : ''}`)
    .text(`累计服务时长：${input.totalHours} 小时（${input.record.length} 次服务）`)
    .moveDown();

  const columns = [
    { title: '日期', width: 80 },
    { title: '活动', width: 190 },
    { title: '岗位', width: 70 },
    { title: '时长', width: 45 },
    { title: '记录单位', width: 100 },
  ];
  const row = (cells: string[]) => {
    const top = doc.y;
    let x = doc.page.margins.left;
    let bottom = top;
    cells.forEach((cell, i) => {
      doc.text(cell, x, top, { width: columns[i]!.width - 6 });
      bottom = Math.max(bottom, doc.y);
      x += columns[i]!.width;
    });
    doc.x = doc.page.margins.left;
    doc.y = bottom + 4;
    if (doc.y > doc.page.height - doc.page.margins.bottom - 40) doc.addPage().font('cjk').fontSize(10);
  };
  doc.fontSize(10);
  row(columns.map((c) => c.title));
  for (const item of input.record) {
    row([formatFullDate(item.event.startsAt), item.event.title, item.role, `${item.hours}`, item.organization.name]);
  }
  if (input.record.length === 0) row(['—', '暂无已认证的服务记录', '', '', '']);

  doc
    .moveDown(2)
    .fontSize(11)
    .text('以上服务时长由各活动主办单位在服务完成后记录并认证。', { width: 480 })
    .text(`出具日期：${formatFullDate(input.issuedAt)}（科普汇）`, { width: 480 })
    .text(`证书编号：${input.serial}`, { width: 480 })
    .moveDown(0.5);
  const qrTop = doc.y;
  drawQr(qrcode, doc, input.verifyUrl, doc.page.margins.left, qrTop, 96);
  doc
    .fontSize(9)
    .text('扫码或打开以下网址核验本证明：', doc.page.margins.left + 108, qrTop + 8, { width: 370 })
    .text(input.verifyUrl, { width: 370 });
  doc.end();
  return done;
}
