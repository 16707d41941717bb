import { INDUSTRY_CLASSIFICATION } from './industry-classification-table';
import { industryByCode, industryChildren } from './industry-lookup';

describe('industryByCode', () => {
  it.each([
    ['C', { level: 'section', nameZh: '制造业', nameEn: 'Manufacturing' }],
    ['O', { level: 'section', nameZh: '居民服务、修理和其他服务业' }],
    ['C26', { level: 'division', nameZh: '化学原料和化学制品制造业', parent: 'C' }],
    ['C31', { level: 'division', nameZh: '黑色金属冶炼和压延加工业', nameEn: 'Smelting and pressing of ferrous metals', parent: 'C' }],
    ['P83', { level: 'division', nameZh: '教育', parent: 'P' }],
    ['C261', { level: 'group', nameZh: '基础化学原料制造', parent: 'C26' }],
    ['C374', { level: 'group', nameZh: '航空、航天器及设备制造', parent: 'C37' }],
    ['C2614', { level: 'class', nameZh: '有机化学原料制造', parent: 'C261' }],
    ['C3041', { level: 'class', nameZh: '平板玻璃制造', parent: 'C304' }],
    ['C3011', { level: 'class', nameZh: '水泥制造', parent: 'C301' }],
    ['D4411', { level: 'class', nameZh: '火力发电', parent: 'D441' }],
  ])('%s', (code, expected) => {
    expect(industryByCode(code)).toMatchObject({ code, ...expected });
  });

  it.each(['U', 'C12', 'C300', 'C3043', 'C26141', '', 'c26', 'constructor', 'toString'])('has no entry for %j', (code) => {
    expect(industryByCode(code)).toBeUndefined();
  });

  it('gives a group with a single class the class code ending in 0', () => {
    expect(industryChildren('A019')).toEqual(['A0190']);
    expect(industryByCode('A019')?.nameZh).toBe(industryByCode('A0190')?.nameZh);
  });
});

describe('industryChildren', () => {
  it.each([
    ['O', ['O80', 'O81', 'O82']],
    ['Q', ['Q84', 'Q85']],
    ['C37', ['C371', 'C372', 'C373', 'C374', 'C375', 'C376', 'C377', 'C378', 'C379']],
    ['C304', ['C3041', 'C3042', 'C3049']],
    ['C2614', []],
  ])('%s', (code, children) => {
    expect(industryChildren(code)).toEqual(children);
  });
});

describe('the GB/T 4754-2017 table', () => {
  const { sections, divisions, groups, classes } = INDUSTRY_CLASSIFICATION;
  const inC = (codes: object) => Object.keys(codes).filter((c) => c.startsWith('C')).length;

  it('has the standard\'s 20 sections, 97 divisions and 473 groups; manufacturing has 31 divisions, 179 groups and 609 classes', () => {
    expect([Object.keys(sections).length, Object.keys(divisions).length, Object.keys(groups).length]).toEqual([20, 97, 473]);
    expect([inC(divisions), inC(groups), inC(classes)]).toEqual([31, 179, 609]);
  });

  it('gives every code a parent in the table and every division and group at least one child', () => {
    for (const code of [...Object.keys(divisions), ...Object.keys(groups), ...Object.keys(classes)]) {
      expect(industryByCode(industryByCode(code)?.parent ?? '')).toBeDefined();
    }
    for (const code of [...Object.keys(divisions), ...Object.keys(groups)]) expect(industryChildren(code).length).toBeGreaterThan(0);
  });

  it('names its source, version and licence', () => {
    expect(INDUSTRY_CLASSIFICATION).toMatchObject({ table: 'GB/T 4754-2017' });
    for (const field of ['version', 'source', 'licence'] as const) expect(INDUSTRY_CLASSIFICATION[field].length).toBeGreaterThan(10);
  });
});
