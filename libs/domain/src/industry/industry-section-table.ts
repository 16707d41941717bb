import { INDUSTRY_CLASSIFICATION } from './industry-classification-table';

export interface IndustrySection {
  name: string;
  nameZh: string;
  /** Inclusive range of the two-digit division codes in the section. */
  firstDivision: number;
  lastDivision: number;
  source: string;
}

function sections(): Record<string, IndustrySection> {
  const out: Record<string, IndustrySection> = {};
  for (const [letter, s] of Object.entries(INDUSTRY_CLASSIFICATION.sections)) {
    const [first, last] = s.divisions.split('-').map(Number);
    out[letter] = { name: s.en, nameZh: s.zh, firstDivision: first, lastDivision: last, source: INDUSTRY_CLASSIFICATION.table };
  }
  return out;
}

/** The sections of GB/T 4754-2017 and the divisions each covers, from the table's data. */
export const INDUSTRY_SECTIONS: Readonly<Record<string, IndustrySection>> = sections();
