import { describe, expect, it } from 'vitest';
import { allocate } from '../src/money/allocate.js';

describe('allocating won across parts', () => {
  it('sums exactly, giving leftover won to the largest remainders', () => {
    expect(allocate(1000, [3333, 3333, 3334])).toEqual([333, 333, 334]);
    expect(allocate(100, [1, 1, 1])).toEqual([34, 33, 33]);
    expect(allocate(7, [10, 0, 30])).toEqual([2, 0, 5]);
  });

  it('gives nothing when there is nothing to share or nothing to share by', () => {
    expect(allocate(0, [5, 5])).toEqual([0, 0]);
    expect(allocate(50, [0, 0])).toEqual([0, 0]);
  });

  it('never hands a part more than its weight when the total does not exceed the weights', () => {
    for (let trial = 0; trial < 200; trial++) {
      const weights = Array.from(
        { length: 1 + (trial % 7) },
        (_, i) => ((trial * 37 + i * 101) % 5000) + 1,
      );
      const sum = weights.reduce((a, b) => a + b, 0);
      const total = trial % sum;
      const shares = allocate(total, weights);
      expect(shares.reduce((a, b) => a + b, 0)).toBe(total);
      shares.forEach((share, i) => expect(share).toBeLessThanOrEqual(weights[i]!));
    }
  });
});
