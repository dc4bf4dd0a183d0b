// Requests per minute per client: a token bucket per address (a burst of up to one minute's
// worth, then a steady rate). Pure but for the clock, which is passed in.

export interface RateLimiter {
  /** 0 when `key` may go on; else the seconds to wait before it may. */
  take(key: string, now?: number): number;
}

export function rateLimiter(perMinute: number): RateLimiter {
  const buckets = new Map<string, { tokens: number; at: number }>();
  const perMs = perMinute / 60_000;
  let sweptAt = 0;
  return {
    take(key, now = Date.now()) {
      // A full bucket is the same as none: forget those now and then, so memory follows active clients.
      if (now - sweptAt > 60_000) {
        sweptAt = now;
        for (const [k, b] of buckets) if (b.tokens + (now - b.at) * perMs >= perMinute) buckets.delete(k);
      }
      const bucket = buckets.get(key) ?? { tokens: perMinute, at: now };
      bucket.tokens = Math.min(perMinute, bucket.tokens + (now - bucket.at) * perMs);
      bucket.at = now;
      buckets.set(key, bucket);
      if (bucket.tokens >= 1) {
        bucket.tokens -= 1;
        return 0;
      }
      return Math.max(1, Math.ceil((1 - bucket.tokens) / perMs / 1000));
    },
  };
}
