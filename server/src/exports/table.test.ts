import ExcelJS from 'exceljs';
import { toCsv, toXlsx } from './table';

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
});
