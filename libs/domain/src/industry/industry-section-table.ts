export interface IndustrySection {
  name: string;
  /** Inclusive range of the two-digit division codes in the section. */
  firstDivision: number;
  lastDivision: number;
  source: string;
}

const GBT4754 = 'GB/T 4754-2017, Industrial classification for national economic activities';

export const INDUSTRY_SECTIONS: Readonly<Record<string, IndustrySection>> = {
  A: { name: 'Agriculture, forestry, animal husbandry and fishery', firstDivision: 1, lastDivision: 5, source: GBT4754 },
  B: { name: 'Mining', firstDivision: 6, lastDivision: 12, source: GBT4754 },
  C: { name: 'Manufacturing', firstDivision: 13, lastDivision: 43, source: GBT4754 },
  D: { name: 'Production and supply of electricity, heat, gas and water', firstDivision: 44, lastDivision: 46, source: GBT4754 },
  E: { name: 'Construction', firstDivision: 47, lastDivision: 50, source: GBT4754 },
  F: { name: 'Wholesale and retail trade', firstDivision: 51, lastDivision: 52, source: GBT4754 },
  G: { name: 'Transport, storage and post', firstDivision: 53, lastDivision: 60, source: GBT4754 },
  H: { name: 'Accommodation and catering', firstDivision: 61, lastDivision: 62, source: GBT4754 },
  I: { name: 'Information transmission, software and information technology services', firstDivision: 63, lastDivision: 65, source: GBT4754 },
  J: { name: 'Finance', firstDivision: 66, lastDivision: 69, source: GBT4754 },
  K: { name: 'Real estate', firstDivision: 70, lastDivision: 70, source: GBT4754 },
  L: { name: 'Leasing and business services', firstDivision: 71, lastDivision: 72, source: GBT4754 },
  M: { name: 'Scientific research and technical services', firstDivision: 73, lastDivision: 75, source: GBT4754 },
  N: { name: 'Water conservancy, environment and public facilities management', firstDivision: 76, lastDivision: 79, source: GBT4754 },
  O: { name: 'Resident services, repair and other services', firstDivision: 80, lastDivision: 81, source: GBT4754 },
  P: { name: 'Education', firstDivision: 82, lastDivision: 82, source: GBT4754 },
  Q: { name: 'Health and social work', firstDivision: 83, lastDivision: 84, source: GBT4754 },
  R: { name: 'Culture, sports and entertainment', firstDivision: 85, lastDivision: 89, source: GBT4754 },
  S: { name: 'Public administration, social security and social organizations', firstDivision: 90, lastDivision: 96, source: GBT4754 },
  T: { name: 'International organizations', firstDivision: 97, lastDivision: 97, source: GBT4754 },
};
