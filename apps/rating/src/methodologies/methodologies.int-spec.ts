import { RatingHarness, own, testUscc } from '../testing/rating.harness';

describe('rating: methodologies as published data', () => {
  const rating = new RatingHarness();

  beforeAll(async () => {
    await rating.start();
  });

  afterAll(async () => {
    await rating.close();
  });

  it('lists every version with which is current and its sources, to any signed-in caller', async () => {
    for (const claims of [own(testUscc(81)), { role: 'bank' as const, bankId: 'any-bank' }, { role: 'regulator' as const, region: '50' }]) {
      const listed = await rating.get('/v1/methodologies', claims);
      expect(listed.status).toBe(200);
      expect(listed.body.methodologies).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ id: 'zhejiang-carbon-efficiency', version: 'db33t1347-2023.1', current: true, sources: [expect.stringContaining('DB33/T 1347-2023')] }),
          expect.objectContaining({ id: 'green-efficiency-code', version: '2026.1', current: true }),
        ]),
      );
    }
  });

  it('shows one version in full, each parameter with where it comes from', async () => {
    const found = await rating.get('/v1/methodologies/green-efficiency-code/2026.1', own(testUscc(81)));
    expect(found.status).toBe(200);
    expect(found.body.methodology).toMatchObject({ id: 'green-efficiency-code', version: '2026.1', headlinePeriod: { kind: 'year', provenance: { origin: 'standard' } } });
  });

  it.each([
    ['an unknown version', '/v1/methodologies/green-efficiency-code/1999.1', 404, 'version'],
    ['a malformed id', '/v1/methodologies/Green_Code/2026.1', 400, 'id'],
  ])('answers %s with problem+json naming the field', async (_label, path, status, field) => {
    const response = await rating.get(path, own(testUscc(81)));
    expect(response.status).toBe(status);
    expect(response.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field })]));
  });
});
