import { zodIssues } from '@gec/platform';
import { putProfileSchema } from './put-profile.dto';

const facility = { id: 'plant-1', name: 'North plant', regionCode: '500112', industryClass: 'C3041', siteAreaM2: 100, buildingFootprintM2: 60, floorAreaM2: 90 };
const valid = {
  effectiveFrom: '2026-01',
  facilities: [facility],
  certifications: [{ standard: 'ISO 45001', certificateNo: 'OHS-7', validFrom: '2025-01-01', validUntil: '2027-12-31' }],
  greenFactory: [{ level: 'provincial', year: 2025 }],
  productFootprintShare: 0.5,
  permittedPollutants: { noxT: 20 },
};

describe('put profile body', () => {
  it('separates the month from the profile, and fills the lists left out', () => {
    expect(putProfileSchema.parse(valid)).toEqual({ effectiveFrom: '2026-01', profile: { ...valid, effectiveFrom: undefined } });
    expect(putProfileSchema.parse({ effectiveFrom: '2026-02' })).toEqual({ effectiveFrom: '2026-02', profile: { facilities: [], certifications: [], greenFactory: [], permittedPollutants: {} } });
  });

  it.each([
    ['effectiveFrom', { effectiveFrom: '2026-1' }],
    ['facilities[0].regionCode', { facilities: [{ ...facility, regionCode: '999999' }] }],
    ['facilities[0].industryClass', { facilities: [{ ...facility, industryClass: 'C304' }] }],
    ['facilities[0].id', { facilities: [{ ...facility, id: 'North Plant' }] }],
    ['facilities[1].id', { facilities: [facility, facility] }],
    ['facilities[0].buildingFootprintM2', { facilities: [{ ...facility, buildingFootprintM2: 101 }] }],
    ['facilities[0].floorAreaM2', { facilities: [{ ...facility, floorAreaM2: -1 }] }],
    ['certifications[0].validUntil', { certifications: [{ ...valid.certifications[0], validUntil: '2024-12-31' }] }],
    ['certifications[0].validFrom', { certifications: [{ ...valid.certifications[0], validFrom: '2025-02-30' }] }],
    ['greenFactory[0].year', { greenFactory: [{ level: 'national', year: 2027 }] }],
    ['productFootprintShare', { productFootprintShare: -0.1 }],
    ['permittedPollutants.leadT', { permittedPollutants: { leadT: 1 } }],
    ['uscc', { uscc: '91500112MA5ACL0013' }],
  ])('names %s when it is wrong', (field, change) => {
    const result = putProfileSchema.safeParse({ ...valid, ...change });
    expect(result.success).toBe(false);
    expect(zodIssues(result.error!).map((i) => i.field)).toContain(field);
  });

  it('names a wrong code once, by its own field', () => {
    const result = putProfileSchema.safeParse({ ...valid, facilities: [{ ...facility, regionCode: '999999' }] });
    expect(zodIssues(result.error!).filter((i) => i.field === 'facilities[0].regionCode')).toHaveLength(1);
  });
});
