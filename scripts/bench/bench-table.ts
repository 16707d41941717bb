// Renders a section as a plain-text table: columns are the union of the rows' keys, numbers right-aligned.
import type { BenchSection } from './bench-context';

export function formatSection(section: BenchSection): string {
  const columns = [...new Set(section.rows.flatMap((row) => Object.keys(row)))];
  const cell = (value: string | number | undefined) => (value === undefined ? '' : typeof value === 'number' ? value.toLocaleString('en-US', { maximumFractionDigits: 6 }) : value);
  const cells = section.rows.map((row) => columns.map((c) => cell(row[c])));
  const widths = columns.map((c, i) => Math.max(c.length, ...cells.map((r) => r[i].length)));
  const numeric = columns.map((c) => section.rows.every((row) => typeof row[c] === 'number' || row[c] === '-' || row[c] === undefined));
  const line = (values: string[]) => values.map((v, i) => (numeric[i] ? v.padStart(widths[i]) : v.padEnd(widths[i]))).join('  ').trimEnd();
  return [section.title, line(columns), line(widths.map((w) => '-'.repeat(w))), ...cells.map(line)].map((l) => `  ${l}`).join('\n').replace(/^  /, '');
}
