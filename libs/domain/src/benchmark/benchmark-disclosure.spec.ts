import { totalsDisclosableToMembers } from './benchmark-disclosure';

describe('benchmark disclosure', () => {
  it.each([
    [1, false],
    [2, false],
    [3, true],
    [40, true],
  ])('%i enterprises: totals disclosable to members %s', (count, expected) => {
    expect(totalsDisclosableToMembers(count)).toBe(expected);
  });
});
