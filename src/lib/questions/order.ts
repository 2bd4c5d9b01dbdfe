/**
 * Seeded orders: a small generator and shuffle, shared by the final assessment's draw and by the
 * order of options in knowledge checks (kept apart so a lesson page loads only this, not the draw).
 */

/** mulberry32: a small, fast, well-distributed 32-bit generator. Returns numbers in [0, 1). */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Fisher–Yates with the given generator; returns a new array. */
export function shuffle<T>(items: readonly T[], next: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

/** The order to show a question's options in, for one attempt: stable for a seed and question. */
export function optionOrder<T extends { id: string }>(options: readonly T[], seed: number, questionId: string): T[] {
  let h = seed >>> 0;
  for (let i = 0; i < questionId.length; i++) h = Math.imul(h ^ questionId.charCodeAt(i), 2654435761) >>> 0;
  return shuffle(options, random(h));
}


