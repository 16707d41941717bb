import { GREEN_CODE_2026_1 } from './default-green-methodology';
import { greenMethodologyInForce } from './methodology-in-force';

const v2 = { ...GREEN_CODE_2026_1, version: '2026.2', effectiveFrom: '2026-07-15' };
const other = { ...GREEN_CODE_2026_1, id: 'other', effectiveFrom: '2020-01-01' };
const all = [v2, GREEN_CODE_2026_1, other];

describe('greenMethodologyInForce', () => {
  it.each([
    ['2025-12', null],
    ['2026-01', '2026.1'],
    ['2026-06', '2026.1'],
    ['2026-07', '2026.2'], // ends 2026-07-31, after 2026-07-15
    ['2027-12', '2026.2'],
  ])('a period ending %s -> %s', (month, version) => {
    expect(greenMethodologyInForce(all, 'green-efficiency-code', month)?.version ?? null).toBe(version);
  });

  it('handles February', () => {
    expect(greenMethodologyInForce([{ ...v2, effectiveFrom: '2028-02-29' }], 'green-efficiency-code', '2028-02')?.version).toBe('2026.2');
  });
});
