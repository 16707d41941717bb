import { deterministicId, newId } from './event-ids';

describe('event ids', () => {
  const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

  it('gives the same id for the same parts and another for other parts', () => {
    expect(deterministicId('a', 1)).toBe(deterministicId('a', 1));
    expect(deterministicId('a', 1)).not.toBe(deterministicId('a', 2));
    expect(deterministicId('ab', 'c')).not.toBe(deterministicId('a', 'bc'));
  });

  it('formats ids as UUIDs', () => {
    expect(deterministicId('x')).toMatch(uuid);
    expect(newId()).toMatch(uuid);
  });
});
