import ExcelJS from 'exceljs';
import { IMPORT_COLUMNS, makeUscc } from '@gec/domain';
import { Caller } from '@gec/platform';

/** An example code for an administrator's template (a valid check character, registered by nobody). */
const EXAMPLE_USCC = makeUscc('91500112MA5U7EX01');

/**
 * The import template for a kind of caller: every accepted column, and one example row (an enterprise's shows its own
 * code). The XLSX also has a `columns` sheet describing each column.
 */
export function templateWorkbook(caller: Caller): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('reports');
  sheet.addRow(IMPORT_COLUMNS.map((c) => c.name));
  sheet.addRow(IMPORT_COLUMNS.map((c) => (c.name === 'uscc' ? (caller.role === 'enterprise' ? caller.uscc : EXAMPLE_USCC) : c.example)));
  const columns = workbook.addWorksheet('columns');
  columns.addRow(['column', 'kind', 'description', 'example']);
  for (const c of IMPORT_COLUMNS) columns.addRow([c.name, c.kind, c.description, c.example]);
  return workbook;
}

/** Rows as CSV, written by exceljs's CSV writer (fast-csv): quoting and escaping are the library's. */
export async function csvOf(rows: Array<Array<string | number>>): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('csv');
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await workbook.csv.writeBuffer());
}

export async function templateCsv(caller: Caller): Promise<Buffer> {
  const sheet = templateWorkbook(caller).getWorksheet('reports')!;
  const rows: string[][] = [];
  sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((v) => (v == null ? '' : String(v)))));
  return csvOf(rows);
}

export async function templateXlsx(caller: Caller): Promise<Buffer> {
  return Buffer.from(await templateWorkbook(caller).xlsx.writeBuffer());
}
