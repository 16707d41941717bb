import { ADMINISTRATIVE_DIVISIONS } from './administrative-division-table';
import { nearestListedRegion, regionByCode } from './region-lookup';

describe('regionByCode', () => {
  it.each([
    ['330000', { level: 'province', name: '浙江省', nameEn: 'Zhejiang' }],
    ['500000', { level: 'province', name: '重庆市', nameEn: 'Chongqing' }],
    ['810000', { level: 'province', name: '香港特别行政区', nameEn: 'Hong Kong' }],
    ['330500', { level: 'prefecture', name: '湖州市', parent: '330000' }],
    ['441900', { level: 'prefecture', name: '东莞市', parent: '440000' }],
    ['330502', { level: 'county', name: '吴兴区', parent: '330500' }],
    ['440305', { level: 'county', name: '南山区', parent: '440300' }],
    ['500103', { level: 'county', name: '渝中区', parent: '500000' }],
    ['500229', { level: 'county', name: '城口县', parent: '500000' }],
    ['110105', { level: 'county', name: '朝阳区', parent: '110000' }],
    ['429004', { level: 'county', name: '仙桃市', parent: '420000' }],
    ['659001', { level: 'county', name: '石河子市', parent: '650000' }],
  ])('%s', (code, expected) => {
    expect(regionByCode(code)).toEqual({ code, ...expected });
  });

  it.each(['', '33', '3305', '330599', '110100', 'constructor', '33050a'])('has no entry for %j', (code) => {
    expect(regionByCode(code)).toBeUndefined();
  });
});

describe('nearestListedRegion', () => {
  it.each([
    ['330502', '330502'],
    ['330599', '330500'],
    ['320594', '320500'],
    ['371202', '370000'],
    ['500192', '500000'],
    ['100000', undefined],
    ['3305', undefined],
  ])('%s -> %s', (code, expected) => {
    expect(nearestListedRegion(code)?.code).toBe(expected);
  });
});

describe('the GB/T 2260 table', () => {
  const codes = Object.keys(ADMINISTRATIVE_DIVISIONS.divisions);
  const count = (level: string) => codes.filter((c) => regionByCode(c)?.level === level).length;

  it('has 34 provinces, about 333 prefectures and about 2,850 counties', () => {
    expect(count('province')).toBe(34);
    expect(count('prefecture')).toBe(333);
    expect(count('county')).toBeGreaterThan(2800);
    expect(count('county')).toBeLessThan(2900);
  });

  it('gives every prefecture and county a parent in the table, in its own province', () => {
    for (const code of codes) {
      const region = regionByCode(code);
      if (region?.level === 'province') continue;
      expect(regionByCode(region?.parent ?? '')).toBeDefined();
      expect(region?.parent?.slice(0, 2)).toBe(code.slice(0, 2));
    }
  });

  it('names its source, version and licence', () => {
    expect(ADMINISTRATIVE_DIVISIONS).toMatchObject({ table: 'GB/T 2260', edition: '2023' });
    for (const field of ['version', 'source', 'licence'] as const) expect(ADMINISTRATIVE_DIVISIONS[field].length).toBeGreaterThan(10);
  });
});
