import { createSeededRng, type SeededRng } from '@app/contracts/embedding';

/**
 * Seeded randomness for the simulator (never Math.random): the same seed gives the same choices,
 * intervals and faults. Built on the project's sfc32 generator; `fork(label)` derives an
 * independent stream, so adding a draw in one place does not shift every other device's sequence.
 */
export class SimRandom {
  private readonly rng: SeededRng;

  constructor(private readonly seed: string) {
    this.rng = createSeededRng(seed);
  }

  static from(seed: number | string, ...labels: string[]): SimRandom {
    return new SimRandom([String(seed), ...labels].join('|'));
  }

  /** An independent stream named by the label (e.g. a device id, "telemetry"). */
  fork(label: string): SimRandom {
    return new SimRandom(`${this.seed}|${label}`);
  }

  /** Uniform in [0, 1). */
  next(): number {
    return this.rng.next();
  }

  /** True with probability p (p ≤ 0 never, p ≥ 1 always). */
  chance(p: number): boolean {
    if (p <= 0) return false;
    if (p >= 1) return true;
    return this.rng.next() < p;
  }

  /** Integer in [min, max] inclusive. */
  intBetween(min: number, max: number): number {
    return min + this.rng.int(max - min + 1);
  }

  /** Float in [min, max). */
  between(min: number, max: number): number {
    return min + (max - min) * this.rng.next();
  }

  /** Exponentially distributed wait with this mean (Poisson arrivals), capped at 10× the mean. */
  exponential(mean: number): number {
    const u = 1 - this.rng.next(); // (0, 1]
    return Math.min(-Math.log(u) * mean, mean * 10);
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('pick from an empty list');
    return items[this.rng.int(items.length)];
  }

  /** Standard normal draw. */
  gaussian(): number {
    return this.rng.gaussian();
  }

  /** The underlying generator, for the shared face generator (capture noise, liveness). */
  get seeded(): SeededRng {
    return this.rng;
  }

  /** A version-4 layout uuid drawn from this stream (for reproducible ids in tests). */
  uuid(): string {
    const hex: string[] = [];
    for (let i = 0; i < 16; i++) {
      let byte = this.rng.int(256);
      if (i === 6) byte = (byte & 0x0f) | 0x40;
      if (i === 8) byte = (byte & 0x3f) | 0x80;
      hex.push(byte.toString(16).padStart(2, '0'));
    }
    const h = hex.join('');
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
  }
}
