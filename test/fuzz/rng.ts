/** A small seeded PRNG (mulberry32) so that every fuzz case is reproducible from (seed, index). */
export class Rng {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0 || 0x9e3779b9;
  }
  /** A float in [0, 1). */
  next(): number {
    let t = (this.state = (this.state + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  /** An integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * Math.max(0, n));
  }
  /** An integer in [lo, hi]. */
  range(lo: number, hi: number): number {
    return lo + this.int(hi - lo + 1);
  }
  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)]!;
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  /** Sizes skewed to small: mostly 1–16, sometimes up to `max`. */
  size(max: number): number {
    const r = this.next();
    if (r < 0.6) return this.range(1, Math.min(16, max));
    if (r < 0.9) return this.range(1, Math.min(1024, max));
    return this.range(1, max);
  }
}

/** The seed of case `index` of a run started with `seed`. */
export function caseSeed(seed: number, index: number): number {
  return (Math.imul(seed ^ 0x5bd1e995, 0x01000193) ^ Math.imul(index + 1, 0x9e3779b1)) >>> 0;
}
