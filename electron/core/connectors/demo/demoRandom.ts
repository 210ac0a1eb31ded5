import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { xoroshiro128plusFromState } from 'pure-rand/generator/xoroshiro128plus';
import type { RandomGenerator } from 'pure-rand/types/RandomGenerator';

/**
 * Demo data draws from pure-rand's xoroshiro128+: a well-kept, fast, deterministic generator,
 * so a seed always rebuilds the same workspace. Never Math.random: it cannot be seeded.
 */
export class DemoRandom {
  constructor(private readonly rng: RandomGenerator) {}

  /** An integer in [0, n). */
  int(n: number): number {
    return n <= 1 ? 0 : uniformInt(this.rng, 0, n - 1);
  }

  /** A float in [0, 1), from 32 bits: plenty for picking weights and jitter. */
  float(): number {
    return (this.rng.next() >>> 0) / 0x1_0000_0000;
  }

  chance(probability: number): boolean {
    return this.float() < probability;
  }

  pick<T>(values: readonly T[]): T {
    const value = values[this.int(values.length)];
    if (value === undefined) throw new Error('DemoRandom.pick: empty list');
    return value;
  }

  /** Index in [0, n) skewed towards 0 (squared uniform): a few values come up very often. */
  skewed(n: number): number {
    const u = this.float();
    return Math.min(n - 1, Math.floor(n * u * u));
  }

  /** A weighted choice; weights need not sum to 1. */
  weighted<T>(choices: readonly (readonly [T, number])[]): T {
    let total = 0;
    for (const [, weight] of choices) total += weight;
    let target = this.float() * total;
    for (const [value, weight] of choices) {
      target -= weight;
      if (target < 0) return value;
    }
    return this.pick(choices)[0];
  }
}

/** murmur3's 32-bit finaliser: every input bit flips about half the output bits. */
export function mix32(value: number): number {
  let h = value | 0;
  h = Math.imul(h ^ (h >>> 16), 0x85eb_ca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2_ae35);
  return (h ^ (h >>> 16)) | 0;
}

/** FNV-1a, to turn a platform name into a salt. */
export function hashString(text: string): number {
  let h = 0x811c_9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x0100_0193);
  return h | 0;
}

/**
 * A generator for one (salt, stream, index) triple, without jumps: the four state words are
 * hashed apart so neighbouring indexes get unrelated streams. Seeding with xoroshiro128plus(n)
 * instead would make the first output ~n itself, so close indexes would start out close.
 */
export function randomFor(salt: number, stream: number, index: number): DemoRandom {
  const high = Math.floor(index / 0x1_0000_0000);
  const s0 = mix32(salt ^ mix32(index ^ mix32(high + stream)));
  const s1 = mix32(s0 + 0x9e37_79b9);
  const s2 = mix32(s1 + 0x7f4a_7c15);
  const s3 = mix32(s2 + 0x6a09_e667) | 1; // never an all-zero state
  return new DemoRandom(xoroshiro128plusFromState([s0, s1, s2, s3]));
}
