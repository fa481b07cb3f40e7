/**
 * Deterministic 32-bit hash of a string (FNV-1a followed by a murmur3 finaliser), mixed with `seed`.
 * Used to derive per-symbol and per-request seeds so results never depend on call order.
 */
export function hashString(text: string, seed = 0): number {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return finalizeHash(h);
}

/** Mixes two 32-bit integers into one (order matters). */
export function mixSeeds(a: number, b: number): number {
  return finalizeHash((Math.imul(a ^ 0x9e3779b9, 0x85ebca6b) + b) | 0);
}

function finalizeHash(x: number): number {
  let h = x >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** A seeded uniform generator on [0, 1) (mulberry32): fast, 32-bit state, good enough for a simulation. */
export function createPrng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
