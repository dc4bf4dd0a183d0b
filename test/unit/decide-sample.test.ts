import { describe, expect, it } from 'vitest';
import { draw } from '../../src/decide/sample';

const visitors = Array.from({ length: 10_000 }, () => crypto.randomUUID());

describe('sample draw', () => {
  it('is the same for a visitor and survey on every call (stable across reloads)', () => {
    expect(draw('9f0c3e1a-visitor', 'post-purchase')).toBe(draw('9f0c3e1a-visitor', 'post-purchase'));
    // A fixed value: the hash must not change between releases, or visitors would be re-sampled.
    expect(draw('visitor-1', 'nps')).toBe(0.15169993019662797);
    expect(draw('visitor-1', 'post-purchase')).toBe(0.4799193828366697);
  });

  it('stays in [0, 1)', () => {
    for (const v of visitors.slice(0, 1000)) {
      const d = draw(v, 'nps');
      expect(d >= 0 && d < 1).toBe(true);
    }
  });

  it('is roughly uniform: 10,000 visitors with sample 0.3 give 30 % ± 3', () => {
    for (const survey of ['nps', 'post-purchase', 'a']) {
      const share = visitors.filter((v) => draw(v, survey) < 0.3).length / visitors.length;
      expect(share).toBeGreaterThan(0.27);
      expect(share).toBeLessThan(0.33);
    }
    // Deciles too, not just one cut.
    const deciles = Array(10).fill(0);
    for (const v of visitors) deciles[Math.floor(draw(v, 'nps') * 10)]++;
    for (const n of deciles) expect(Math.abs(n - 1000)).toBeLessThan(150);
  });

  it('is roughly uniform for sequential visitor ids too', () => {
    const share = Array.from({ length: 10_000 }, (_, i) => draw(String(i), 'nps')).filter((d) => d < 0.3).length / 10_000;
    expect(Math.abs(share - 0.3)).toBeLessThan(0.03);
  });

  it('is independent between surveys: being sampled into one says nothing about another', () => {
    // Ids differing in one character are the hard case for a plain hash.
    const both = visitors.filter((v) => draw(v, 'survey-1') < 0.3 && draw(v, 'survey-2') < 0.3).length / visitors.length;
    expect(Math.abs(both - 0.09)).toBeLessThan(0.02);
    const same = visitors.filter((v) => Math.abs(draw(v, 'survey-1') - draw(v, 'survey-2')) < 0.01).length;
    expect(same).toBeLessThan(400); // ~200 expected for independent draws
  });

  it('does not confuse visitor and survey boundaries', () => {
    expect(draw('ab', 'c')).not.toBe(draw('a', 'bc'));
  });
});
