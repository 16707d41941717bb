import { EnterpriseProfile, Facility, profileErrors, validateFacilityId, validateIndustryClass, versionInForce } from './enterprise-profile';

const plant: Facility = { id: 'plant-1', name: 'North plant', regionCode: '500112', industryClass: 'C3041', siteAreaM2: 50_000, buildingFootprintM2: 20_000, floorAreaM2: 35_000 };
const base: EnterpriseProfile = {
  facilities: [plant],
  certifications: [{ standard: 'ISO 50001', certificateNo: 'EnMS-1', validFrom: '2025-01-01', validUntil: '2028-01-01' }],
  greenFactory: [{ level: 'national', year: 2024 }],
  productFootprintShare: 0.4,
  permittedPollutants: { so2T: 12 },
};

describe('profileErrors', () => {
  it.each<[string, Partial<EnterpriseProfile>, string[]]>([
    ['a valid profile', {}, []],
    ['an empty profile', { facilities: [], certifications: [], greenFactory: [], productFootprintShare: undefined, permittedPollutants: {} }, []],
    ['two facilities with one id', { facilities: [plant, { ...plant, name: 'Again' }] }, ['facilities[1].id']],
    ['a facility id that is not a slug', { facilities: [{ ...plant, id: 'Plant 1' }] }, ['facilities[0].id']],
    ['a region not in GB/T 2260', { facilities: [{ ...plant, regionCode: '500199' }] }, ['facilities[0].regionCode']],
    ['an industry code that is a division, not a class', { facilities: [{ ...plant, industryClass: 'C30' }] }, ['facilities[0].industryClass']],
    ['an industry class not in GB/T 4754', { facilities: [{ ...plant, industryClass: 'C3043' }] }, ['facilities[0].industryClass']],
    ['a footprint larger than the site', { facilities: [{ ...plant, buildingFootprintM2: 50_001 }] }, ['facilities[0].buildingFootprintM2']],
    ['a footprint equal to the site', { facilities: [{ ...plant, buildingFootprintM2: 50_000 }] }, []],
    ['a certificate ending when it starts', { certifications: [{ ...base.certifications[0], validUntil: '2025-01-01' }] }, ['certifications[0].validUntil']],
    ['a recognition after the version starts', { greenFactory: [{ level: 'provincial', year: 2027 }] }, ['greenFactory[0].year']],
    ['a recognition before green factories existed', { greenFactory: [{ level: 'municipal', year: 1999 }] }, ['greenFactory[0].year']],
    ['a share above 1', { productFootprintShare: 1.2 }, ['productFootprintShare']],
    ['a share of 1', { productFootprintShare: 1 }, []],
  ])('%s', (_case, change, fields) => {
    const issues = profileErrors({ ...base, ...change }, '2026-01');
    expect(issues.map((i) => i.path.reduce<string>((acc, p) => (typeof p === 'number' ? `${acc}[${p}]` : acc ? `${acc}.${p}` : p), ''))).toEqual(fields);
  });
});

describe('code checks', () => {
  it.each([
    ['plant-2', true],
    ['a', true],
    ['-plant', false],
    ['plant_2', false],
    ['x'.repeat(41), false],
  ])('facility id %s valid: %s', (id, valid) => expect(validateFacilityId(id).ok).toBe(valid));

  it.each([
    ['C3041', true],
    ['C304', false],
    ['D4411', true],
    ['c3041', false],
  ])('industry class %s valid: %s', (code, valid) => expect(validateIndustryClass(code).ok).toBe(valid));
});

describe('versionInForce', () => {
  it.each<[string[], string, string | undefined]>([
    [[], '2026-05', undefined],
    [['2026-06'], '2026-05', undefined],
    [['2026-01', '2026-06'], '2026-05', '2026-01'],
    [['2026-06', '2026-01'], '2026-06', '2026-06'],
    [['2025-12', '2026-06', '2026-01'], '2027-01', '2026-06'],
  ])('of %j in %s is %s', (versions, month, expected) => expect(versionInForce(versions, month)).toBe(expected));
});
