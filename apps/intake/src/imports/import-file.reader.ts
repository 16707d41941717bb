import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { DomainError } from '@gec/platform';

export const CSV_TYPE = 'text/csv';
export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const IMPORT_FILE_TYPES = [CSV_TYPE, XLSX_TYPE] as const;
export type ImportFileType = (typeof IMPORT_FILE_TYPES)[number];

/** A data row with its number as in the file (the header is row 1). */
export interface ImportFileRow {
  row: number;
  cells: string[];
}

export interface ImportFile {
  header: string[];
  rows: ImportFileRow[];
}

/** Reads an uploaded file as cells of text: CSV by csv-parse, XLSX (its first worksheet) by exceljs. */
export async function readImportFile(type: ImportFileType, content: Buffer): Promise<ImportFile> {
  const table = type === CSV_TYPE ? readCsv(content) : await readXlsx(content);
  const [first, ...rows] = table.filter((r) => r.cells.some((c) => c.trim() !== ''));
  if (!first) throw DomainError.validation([{ field: '(body)', reason: 'the file is empty' }], 'The file has no header row.');
  return { header: first.cells.map((c) => c.trim().toLowerCase()), rows };
}

function readCsv(content: Buffer): ImportFileRow[] {
  try {
    const records = parse(content, { bom: true, relax_column_count: true, skip_empty_lines: false, info: true }) as unknown as Array<{ record: string[]; info: { lines: number } }>;
    // `lines` is where the record ends; a record spanning lines (a quoted line break) is numbered by its first line.
    return records.map(({ record, info }) => ({ row: info.lines - countLineBreaks(record), cells: record }));
  } catch (error) {
    throw DomainError.validation([{ field: '(body)', reason: `not a readable CSV file: ${(error as Error).message}` }], 'The file could not be read.');
  }
}

function countLineBreaks(cells: string[]): number {
  let n = 0;
  for (const cell of cells) for (const ch of cell) if (ch === '\n') n++;
  return n;
}

async function readXlsx(content: Buffer): Promise<ImportFileRow[]> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(content as unknown as ArrayBuffer);
  } catch (error) {
    throw DomainError.validation([{ field: '(body)', reason: `not a readable XLSX file: ${(error as Error).message}` }], 'The file could not be read.');
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) return [];
  const rows: ImportFileRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, column) => {
      cells[column - 1] = cellText(cell.value);
    });
    rows.push({ row: rowNumber, cells: Array.from(cells, (c) => c ?? '') });
  });
  return rows;
}

/** A cell as text: numbers as typed, dates as the month they fall in (a period typed as 2026-09 becomes a date). */
function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (typeof value === 'string') return value;
  if (value instanceof Date) return value.toISOString().slice(0, 7);
  if (typeof value === 'object') {
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
    if ('richText' in value) return value.richText.map((t) => t.text).join('');
    if ('text' in value) return String(value.text);
    if ('error' in value) return String(value.error);
  }
  return String(value);
}
