// Lists leaving the system as files: CSV (with a BOM so Excel reads the
// Chinese) and XLSX written by exceljs. Cells that would start a formula are
// neutralised in both, so a name like "=HYPERLINK(...)" stays text. Times are
// real date cells in XLSX and 2026年11月29日 21:02 in CSV, never ISO text.
import type { Context } from 'koa';
import { formatFullDateTime } from '@kepu/shared';

export type Cell = string | number | Date | null;
export type TableFormat = 'csv' | 'xlsx';

/** A stored ISO time as a table cell (a Date), or an empty cell. */
export function timeCell(iso: string | null | undefined): Date | null {
  if (!iso) return null;
  const at = new Date(iso);
  return Number.isNaN(at.getTime()) ? null : at;
}

const CST_OFFSET_MS = 8 * 3600_000;
/** How an XLSX date cell reads: 2026年11月29日 21:02. */
const XLSX_TIME_FORMAT = 'yyyy"年"m"月"d"日" hh:mm';

export function neutralise(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

export function toCsv(header: string[], rows: Cell[][]): string {
  const cell = (value: Cell) => {
    const text = value === null ? '' : typeof value === 'number' ? String(value) : value instanceof Date ? formatFullDateTime(value) : neutralise(value);
    return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  return '\uFEFF' + [header, ...rows].map((row) => row.map(cell).join(',')).join('\r\n') + '\r\n';
}

export async function toXlsx(sheetName: string, header: string[], rows: Cell[][]): Promise<Buffer> {
  // Loaded on the first XLSX export: exceljs costs some 30 MB of memory that a server answering lists never needs.
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '科普汇';
  const sheet = workbook.addWorksheet(sheetName);
  sheet.addRow(header).font = { bold: true };
  for (const row of rows) {
    // A spreadsheet's dates have no zone: write China's wall-clock time, which is what the reader expects to see.
    const added = sheet.addRow(
      row.map((value) => (typeof value === 'string' ? neutralise(value) : value instanceof Date ? new Date(value.getTime() + CST_OFFSET_MS) : value)),
    );
    row.forEach((value, i) => {
      if (value instanceof Date) added.getCell(i + 1).numFmt = XLSX_TIME_FORMAT;
    });
  }
  sheet.columns.forEach((column) => {
    column.width = 16;
  });
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/**
 * A download's file name people can read: the parts (an event's title, a date
 * …) joined by spaces, without characters file systems refuse, and an ASCII
 * fallback for old clients; koa sends the real name as RFC 5987 `filename*`.
 */
export function attachFile(ctx: Context, parts: string[], extension: string, asciiFallback = 'kepu'): void {
  const name = parts
    .map((part) =>
      part
        // eslint-disable-next-line no-control-regex
        .replace(/[\\/:*?"<>|\u0000-\u001f\u007f]+/g, ' ')
        .replace(/\s+/g, ' ')
        .trim(),
    )
    .filter(Boolean)
    .join(' ')
    .slice(0, 80);
  ctx.attachment(`${name || asciiFallback}.${extension}`, { fallback: `${asciiFallback}.${extension}` });
}

/** Writes a table as a file download in the asked format, named by `nameParts` (see attachFile). */
export async function sendTable(ctx: Context, format: TableFormat, nameParts: string[], sheetName: string, header: string[], rows: Cell[][]): Promise<void> {
  if (format === 'csv') {
    ctx.type = 'text/csv; charset=utf-8';
    ctx.body = toCsv(header, rows);
  } else {
    ctx.type = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
    ctx.body = await toXlsx(sheetName, header, rows);
  }
  attachFile(ctx, nameParts, format, 'kepu-list');
}
