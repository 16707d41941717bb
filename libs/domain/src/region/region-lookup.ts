import { ADMINISTRATIVE_DIVISIONS } from './administrative-division-table';

export type RegionLevel = 'province' | 'prefecture' | 'county';

export interface Region {
  code: string;
  level: RegionLevel;
  name: string;
  /** Provinces only. */
  nameEn?: string;
  /** The province of a prefecture; the prefecture of a county, or its province where none is listed (directly administered). */
  parent?: string;
}

const { divisions, provinceNamesEn } = ADMINISTRATIVE_DIVISIONS;
const listed = (code: string) => /^\d{6}$/.test(code) && Object.prototype.hasOwnProperty.call(divisions, code);

function levelOf(code: string): RegionLevel {
  if (code.endsWith('0000')) return 'province';
  return code.endsWith('00') ? 'prefecture' : 'county';
}

/** The GB/T 2260 division with this six-digit code, or undefined. */
export function regionByCode(code: string): Region | undefined {
  if (!listed(code)) return undefined;
  const level = levelOf(code);
  const province = `${code.slice(0, 2)}0000`;
  if (level === 'province') return { code, level, name: divisions[code], nameEn: provinceNamesEn[code.slice(0, 2)] };
  const prefecture = `${code.slice(0, 4)}00`;
  const parent = level === 'county' && listed(prefecture) ? prefecture : province;
  return { code, level, name: divisions[code], parent };
}

/**
 * The division itself if listed, else the nearest listed one above it (its prefecture, then its province): for codes that
 * are shaped right but not in the table, such as a county re-coded since, or a registration authority of a development zone.
 */
export function nearestListedRegion(code: string): Region | undefined {
  if (!/^\d{6}$/.test(code)) return undefined;
  return regionByCode(code) ?? regionByCode(`${code.slice(0, 4)}00`) ?? regionByCode(`${code.slice(0, 2)}0000`);
}
