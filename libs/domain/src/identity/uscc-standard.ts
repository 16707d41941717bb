/** Check-character scheme of the unified social credit code. */
export const USCC_STANDARD = {
  source: 'GB 32100-2015, Coding rule of the unified social credit identifier for legal entities and other organizations',
  length: 18,
  // 0-9 and A-Y without I, O, S, V, Z; a character's value is its index here.
  alphabet: '0123456789ABCDEFGHJKLMNPQRTUWXY',
  weights: [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28],
  modulus: 31,
  // Characters 3-8 (1-based) are the GB/T 2260 administrative division code.
  regionCodeStart: 2,
  regionCodeEnd: 8,
} as const;
