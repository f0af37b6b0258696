// A small seeded PRNG so demo data is the same on every machine and every run (no Math.random).

/** mulberry32: a 32-bit generator, plenty for demo data; returns floats in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Convenience draws over one seeded stream. */
export class Rng {
  private readonly next: () => number;

  constructor(seed: number) {
    this.next = mulberry32(seed);
  }

  /** A float in [0, 1). */
  float(): number {
    return this.next();
  }

  /** An integer in [min, max], both inclusive. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** True with probability p. */
  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new RangeError("pick from an empty list");
    return items[Math.floor(this.next() * items.length)]!;
  }

  /** Picks by weight: `[[value, weight], ...]`. */
  weighted<T>(entries: readonly (readonly [T, number])[]): T {
    const total = entries.reduce((sum, [, w]) => sum + w, 0);
    let r = this.next() * total;
    for (const [value, w] of entries) {
      r -= w;
      if (r < 0) return value;
    }
    return entries[entries.length - 1]![0];
  }

  /** A shuffled copy (Fisher–Yates). */
  shuffle<T>(items: readonly T[]): T[] {
    const out = [...items];
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [out[i], out[j]] = [out[j]!, out[i]!];
    }
    return out;
  }

  /** `n` decimal digits as a string (leading zeros allowed). */
  digits(n: number): string {
    let s = "";
    for (let i = 0; i < n; i++) s += Math.floor(this.next() * 10);
    return s;
  }

  /** `n` characters drawn from `charset`. */
  chars(charset: string, n: number): string {
    let s = "";
    for (let i = 0; i < n; i++) s += charset[Math.floor(this.next() * charset.length)];
    return s;
  }

  /** A version-4-shaped UUID from this stream, so row ids are reproducible too. */
  uuid(): string {
    const b = Array.from({ length: 16 }, () => Math.floor(this.next() * 256));
    b[6] = (b[6]! & 0x0f) | 0x40;
    b[8] = (b[8]! & 0x3f) | 0x80;
    const h = b.map((x) => x.toString(16).padStart(2, "0")).join("");
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
  }
}

const EARTH_KM_PER_DEGREE = 111.32;

/** A point uniformly spread over a disc of `radiusKm` around `centre` (equirectangular approximation, fine at city scale). */
export function jitter(rng: Rng, centre: { lat: number; lng: number }, radiusKm: number): { lat: number; lng: number } {
  const distance = radiusKm * Math.sqrt(rng.float());
  const bearing = rng.float() * 2 * Math.PI;
  const dLat = (distance * Math.cos(bearing)) / EARTH_KM_PER_DEGREE;
  const dLng = (distance * Math.sin(bearing)) / (EARTH_KM_PER_DEGREE * Math.cos((centre.lat * Math.PI) / 180));
  return { lat: round6(centre.lat + dLat), lng: round6(centre.lng + dLng) };
}

const round6 = (x: number) => Math.round(x * 1e6) / 1e6;
