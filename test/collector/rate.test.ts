import { describe, expect, it } from 'vitest';
import { rateLimiter } from '../../collector/rate';

describe('rate limit per client', () => {
  it('lets a minute’s worth through at once, then says how long to wait, then refills steadily', () => {
    const limit = rateLimiter(60); // one a second
    for (let i = 0; i < 60; i++) expect(limit.take('a', 0)).toBe(0);
    expect(limit.take('a', 0)).toBe(1);
    expect(limit.take('b', 0)).toBe(0); // another address has its own bucket
    expect(limit.take('a', 999)).toBe(1);
    expect(limit.take('a', 1000)).toBe(0);
    expect(limit.take('a', 1000)).toBe(1);
  });

  it('says more than a second when the rate is slow', () => {
    const limit = rateLimiter(2); // one every 30 s
    limit.take('a', 0);
    limit.take('a', 0);
    expect(limit.take('a', 0)).toBe(30);
    expect(limit.take('a', 20_000)).toBe(10);
  });
});
