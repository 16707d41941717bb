import { fail, ok, Result } from '../result';
import { INDUSTRY_CLASSIFICATION } from './industry-classification-table';
import { industryByCode, industryChildren } from './industry-lookup';
import { INDUSTRY_SECTIONS } from './industry-section-table';

export type IndustryCodeLevel = 'division' | 'group' | 'class';

export interface IndustryCode {
  code: string;
  section: string;
  /** Section letter + two digits, e.g. C26. */
  division: string;
  level: IndustryCodeLevel;
}

const LEVEL_BY_DIGITS: Record<number, IndustryCodeLevel> = { 2: 'division', 3: 'group', 4: 'class' };
const FORMAT = /^([A-Z])(\d{2,4})$/;
const TABLE = INDUSTRY_CLASSIFICATION.table;

/** What to say about a code that has the right shape but is not in the table: the nearest entry above it and its children. */
function notInTable(code: string, level: IndustryCodeLevel): string {
  const parent = code.slice(0, -1);
  const above = industryByCode(parent);
  const hint = above ? `; ${above.level} ${parent} (${above.nameZh}) has ${industryChildren(parent).join(', ')}` : '';
  return `industry ${level} ${code} does not exist in ${TABLE}${hint}`;
}

/** A GB/T 4754-2017 division, group or class (C26, C261, C2614) that exists in the table. */
export function parseIndustryCode(code: string): Result<IndustryCode> {
  if (code !== code.toUpperCase()) return fail(`industry code must be upper case; got '${code}'`);
  const match = FORMAT.exec(code);
  if (!match) {
    return fail(`industry code must be a section letter followed by 2, 3 or 4 digits (e.g. C26, C261, C2614); got '${code}'`);
  }
  const [, section, digits] = match;
  const range = INDUSTRY_SECTIONS[section];
  if (!range) return fail(`industry section ${section} does not exist (${TABLE} sections are A-T)`);
  const division = Number(digits.slice(0, 2));
  if (division < range.firstDivision || division > range.lastDivision) {
    const pad = (n: number) => String(n).padStart(2, '0');
    return fail(
      `division ${digits.slice(0, 2)} does not belong to section ${section} (${section} covers ${pad(range.firstDivision)}-${pad(range.lastDivision)})`,
    );
  }
  const level = LEVEL_BY_DIGITS[digits.length];
  if (!industryByCode(code)) return fail(notInTable(code, level));
  return ok({ code, section, division: section + digits.slice(0, 2), level });
}
