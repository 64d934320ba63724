// Lists leaving the system as files: CSV (with a BOM so Excel reads the
// Chinese) and XLSX written by exceljs. Cells that would start a formula are
// neutralised in both, so a name like "=HYPERLINK(...)" stays text.
import type { Context } from 'koa';

export type Cell = string | number | null;
export type TableFormat = 'csv' | 'xlsx';

export function neutralise(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

export function toCsv(header: string[], rows: Cell[][]): string {
  const cell = (value: Cell) => {
    const text = value === null ? '' : typeof value === 'number' ? String(value) : neutralise(value);
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
  for (const row of rows) sheet.addRow(row.map((value) => (typeof value === 'string' ? neutralise(value) : value)));
  sheet.columns.forEach((column) => {
    column.width = 16;
  });
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** Writes a table as a file download in the asked format. */
export async function sendTable(ctx: Context, format: TableFormat, baseName: string, sheetName: string, header: string[], rows: Cell[][]): Promise<void> {
  if (format === 'csv') {
    ctx.type = 'text/csv; charset=utf-8';
    ctx.body = toCsv(header, rows);
  } else {
    ctx.type = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
    ctx.body = await toXlsx(sheetName, header, rows);
  }
  ctx.attachment(`${baseName}.${format}`);
}
