import ExcelJS from 'exceljs';
import contentDisposition from 'content-disposition';
import type { Context } from 'koa';
import { attachFile, timeCell, toCsv, toXlsx } from './table';

describe('table exports', () => {
  it('writes CSV with a BOM, quotes what needs quoting and neutralises formulas', () => {
    const csv = toCsv(
      ['姓名', '备注'],
      [
        ['张三', 'a,b'],
        ['=HYPERLINK("x")', null],
        ['李四', -1],
      ],
    );
    expect(csv.startsWith('\uFEFF姓名,备注\r\n')).toBe(true);
    expect(csv).toContain('张三,"a,b"\r\n');
    expect(csv).toContain(`"'=HYPERLINK(""x"")",\r\n`);
    // Numbers are data, not formulas: -1 stays -1.
    expect(csv).toContain('李四,-1\r\n');
  });

  it('writes an XLSX that reads back with the same cells, header bold, formulas as text', async () => {
    const buffer = await toXlsx(
      '名单',
      ['姓名', '人数'],
      [
        ['王五', 2],
        ['+86 138', null],
      ],
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(buffer as never);
    const sheet = workbook.getWorksheet('名单')!;
    expect(sheet.getRow(1).font?.bold ?? sheet.getCell('A1').font?.bold).toBe(true);
    expect([sheet.getCell('A2').value, sheet.getCell('B2').value]).toEqual(['王五', 2]);
    expect(sheet.getCell('A3').value).toBe("'+86 138");
    expect(sheet.rowCount).toBe(3);
  });

  it('when a row holds a time, then CSV writes it as people do and XLSX as a real date cell showing China time', async () => {
    const at = timeCell('2026-11-29T21:02:12+08:00');
    expect(toCsv(['签到时间'], [[at], [timeCell(null)]])).toBe('\uFEFF签到时间\r\n2026年11月29日 21:02\r\n\r\n');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await toXlsx('名单', ['签到时间'], [[at]])) as never);
    const cell = workbook.getWorksheet('名单')!.getCell('A2');
    expect(cell.value).toBeInstanceOf(Date);
    // Spreadsheets have no zones: the cell holds the wall-clock time in China.
    expect((cell.value as Date).toISOString()).toBe('2026-11-29T21:02:12.000Z');
    expect(cell.numFmt).toBe('yyyy"年"m"月"d"日" hh:mm');
  });

  it('when a file is named after an event, then the name is readable and sent as RFC 5987 filename* with an ASCII fallback', () => {
    const headers: Record<string, string> = {};
    const ctx = {
      attachment(name: string, options: unknown) {
        // koa's own ctx.attachment: content-disposition with the same arguments.
        headers['content-disposition'] = contentDisposition(name, options as contentDisposition.Options);
      },
    } as unknown as Context;
    attachFile(ctx, ['亲子科学/实验课: "水"', '2026年12月6日'], 'ics', 'kepu-event');
    expect(headers['content-disposition']).toBe(
      `attachment; filename="kepu-event.ics"; filename*=UTF-8''${encodeURIComponent('亲子科学 实验课 水 2026年12月6日.ics')}`,
    );
  });
});
