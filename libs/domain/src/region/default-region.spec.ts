import { makeUscc } from '../identity/uscc';
import { defaultRegionForUscc } from './default-region';

describe('defaultRegionForUscc', () => {
  it.each([
    ['91330502MA2B3C4D5', '330502', 'the county in the code'],
    ['91500000MA5U7AAA0', '500000', 'a province-level registration'],
    ['91500116MA5GL0001', '500116', 'a district of a municipality'],
    ['91320594MA1MXXX0X', '320500', 'an authority outside the table (a development zone): its prefecture'],
    ['91371202MA3C00001', '370000', 'a county re-coded since (Laiwu, merged into Jinan): its province'],
  ])('%s -> %s (%s)', (prefix17, expected) => {
    expect(defaultRegionForUscc(makeUscc(prefix17))).toEqual({ ok: true, value: expected });
  });

  it('gives no default for a code whose province is not in the table', () => {
    const result = defaultRegionForUscc(makeUscc('91100000MA0000001'));
    expect(result).toEqual({ ok: false, reason: expect.stringContaining('(100000) is not a GB/T 2260 division; give regionCode') });
  });
});
