import { INDUSTRY_CLASSIFICATION } from './industry-classification-table';

export type IndustryLevel = 'section' | 'division' | 'group' | 'class';

export interface IndustryEntry {
  code: string;
  level: IndustryLevel;
  nameZh: string;
  /** Sections and divisions only (our translation). */
  nameEn?: string;
  /** The code one level up; none for a section. */
  parent?: string;
}

const { sections, divisions, groups, classes } = INDUSTRY_CLASSIFICATION;
const has = (table: object, code: string) => Object.prototype.hasOwnProperty.call(table, code);

/** The GB/T 4754-2017 entry for a code as the platform writes it (C, C26, C261, C2614), or undefined. */
export function industryByCode(code: string): IndustryEntry | undefined {
  const parent = code.length > 1 ? code.slice(0, code.length === 3 ? 1 : -1) : undefined;
  switch (code.length) {
    case 1:
      return has(sections, code) ? { code, level: 'section', nameZh: sections[code].zh, nameEn: sections[code].en } : undefined;
    case 3:
      return has(divisions, code) ? { code, level: 'division', nameZh: divisions[code].zh, nameEn: divisions[code].en, parent } : undefined;
    case 4:
      return has(groups, code) ? { code, level: 'group', nameZh: groups[code], parent } : undefined;
    case 5:
      return has(classes, code) ? { code, level: 'class', nameZh: classes[code], parent } : undefined;
    default:
      return undefined;
  }
}

/** The codes one level below (a section's divisions, a division's groups, a group's classes), in code order. */
export function industryChildren(code: string): string[] {
  const table = code.length === 1 ? divisions : code.length === 3 ? groups : code.length === 4 ? classes : {};
  return Object.keys(table)
    .filter((child) => child.startsWith(code))
    .sort();
}
