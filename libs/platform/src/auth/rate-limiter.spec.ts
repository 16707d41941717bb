import pino from 'pino';
import { DomainError } from '../errors/domain-error';
import type { RedisConnection } from '../queue/redis-connection';
import { RateLimiter } from './rate-limiter';

// Counting and refusing never touch Redis (only `sync` does), so these run without it.
describe('RateLimiter: a sliding one-minute window', () => {
  const minute = 60_000;
  let now = 0;
  const limiter = () => new RateLimiter(undefined as unknown as RedisConnection, 'test', 5, pino({ level: 'silent' }), () => now);
  const attempt = (l: RateLimiter) => {
    try {
      l.consume('admin:x');
      return 'ok';
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      return Number(error.headers['retry-after']);
    }
  };

  it('admits the limit and refuses the next, saying when to come back', () => {
    now = 100 * minute + 10_000;
    const l = limiter();
    for (let i = 0; i < 5; i++) expect(attempt(l)).toBe('ok');
    // All five were made in this window: one more fits once the next window has let 1/5 of them slide out.
    expect(attempt(l)).toBe(50 + 12);
  });

  it('does not reset at the minute boundary (a fixed window would admit 2x the limit across it)', () => {
    now = 200 * minute + 59_000;
    const l = limiter();
    for (let i = 0; i < 5; i++) expect(attempt(l)).toBe('ok');
    now = 201 * minute + 1_000;
    expect(attempt(l)).toEqual(expect.any(Number));
    // 12 s into the window, 4 of the previous window's 5 still count: one more fits.
    now = 201 * minute + 12_000;
    expect(attempt(l)).toBe('ok');
    expect(attempt(l)).toEqual(expect.any(Number));
  });

  it('forgets a window that is more than one window old', () => {
    now = 300 * minute;
    const l = limiter();
    for (let i = 0; i < 5; i++) attempt(l);
    now = 302 * minute;
    for (let i = 0; i < 5; i++) expect(attempt(l)).toBe('ok');
  });
});
