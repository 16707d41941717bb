import table from './gbt4754-2017.json';

/** A section or division: Chinese name as in the standard, English name our translation. */
export interface IndustryHeading {
  zh: string;
  en: string;
}

export interface IndustryClassificationTable {
  table: string;
  title: string;
  version: string;
  source: string;
  licence: string;
  sections: Readonly<Record<string, IndustryHeading & { divisions: string }>>;
  /** Keyed as the platform writes codes: section letter + 2 digits (C26). */
  divisions: Readonly<Record<string, IndustryHeading>>;
  /** Letter + 3 digits (C261): Chinese name. */
  groups: Readonly<Record<string, string>>;
  /** Letter + 4 digits (C2614): Chinese name. */
  classes: Readonly<Record<string, string>>;
}

/**
 * GB/T 4754-2017 as data (gbt4754-2017.json, which names its source and licence): every section, division, group and
 * class of the whole economy.
 */
export const INDUSTRY_CLASSIFICATION: IndustryClassificationTable = table;
