import { INDUSTRY_SECTIONS } from './industry-section-table';

describe('INDUSTRY_SECTIONS (GB/T 4754-2017)', () => {
  it.each([
    ['A', 1, 5],
    ['B', 6, 12],
    ['C', 13, 43],
    ['D', 44, 46],
    ['E', 47, 50],
    ['F', 51, 52],
    ['G', 53, 60],
    ['H', 61, 62],
    ['I', 63, 65],
    ['J', 66, 69],
    ['K', 70, 70],
    ['L', 71, 72],
    ['M', 73, 75],
    ['N', 76, 79],
    ['O', 80, 82],
    ['P', 83, 83],
    ['Q', 84, 85],
    ['R', 86, 90],
    ['S', 91, 96],
    ['T', 97, 97],
  ])('section %s covers divisions %i-%i', (section, first, last) => {
    expect(INDUSTRY_SECTIONS[section]).toMatchObject({ firstDivision: first, lastDivision: last });
  });

  it('has the 20 sections A-T, which split divisions 01-97 without gap or overlap', () => {
    const sections = Object.entries(INDUSTRY_SECTIONS).sort(([, a], [, b]) => a.firstDivision - b.firstDivision);
    expect(sections.map(([letter]) => letter).join('')).toBe('ABCDEFGHIJKLMNOPQRST');
    let next = 1;
    for (const [, s] of sections) {
      expect(s.firstDivision).toBe(next);
      next = s.lastDivision + 1;
    }
    expect(next).toBe(98);
  });
});
