import { describe, expect, test } from 'vitest';
import { computed, effect, signal } from '../../src/ui/signals';

describe('the UI state signals', () => {
  test('an effect runs again when a signal it read changes, not when it is set to the same value', () => {
    const a = signal(1);
    const b = signal('x');
    const seen: string[] = [];
    effect(() => void seen.push(a.value + b.value));
    a.value = 2;
    a.value = 2;
    b.value = 'y';
    expect(seen).toEqual(['1x', '2x', '2y']);
  });

  test('a computed is worked out at each read, and an effect reading it follows the signals under it', () => {
    const n = signal(2);
    const double = computed(() => n.value * 2);
    const seen: number[] = [];
    effect(() => void seen.push(double.value));
    n.value = 5;
    expect(seen).toEqual([4, 10]);
    expect(double.value).toBe(10);
  });

  test("an effect's cleanup runs before its next run and at the stop; a stopped effect never runs again", () => {
    const n = signal(0);
    const log: string[] = [];
    const stop = effect(() => {
      const at = n.value;
      log.push('run ' + at);
      return () => log.push('clean ' + at);
    });
    n.value = 1;
    stop();
    n.value = 2;
    expect(log).toEqual(['run 0', 'clean 0', 'run 1', 'clean 1']);
  });

  test('a change made while an effect runs runs it once more after, not inside itself', () => {
    const n = signal(0);
    const log: string[] = [];
    effect(() => {
      log.push('start ' + n.value);
      if (n.value == 1) n.value = 2;
      log.push('end');
    });
    n.value = 1;
    expect(log).toEqual(['start 0', 'end', 'start 1', 'end', 'start 2', 'end']);
  });

  test('an effect that throws can run again', () => {
    const n = signal(0);
    const runs: number[] = [];
    expect(() =>
      effect(() => {
        runs.push(n.value);
        if (n.value == 0) throw new Error('first');
      }),
    ).toThrow('first');
    n.value = 1;
    expect(runs).toEqual([0, 1]);
  });
});
