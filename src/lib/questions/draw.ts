/**
 * The final assessment's draw: reproducible from a seed, so that a reload shows the same
 * questions in the same order, and tests can fix the seed.
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

export interface BankItem {
  id: string;
  /** Used to spread the draw over the course: every group gets a question before any gets two. */
  group: string;
}

/**
 * Draws `count` question ids: round-robin over the groups (lessons) in a shuffled order, each
 * group's questions shuffled, then the whole draw shuffled. The same seed gives the same draw.
 */
export function drawQuestions(bank: readonly BankItem[], count: number, seed: number): string[] {
  if (count > bank.length) throw new RangeError(`cannot draw ${count} questions from a bank of ${bank.length}`);
  const next = random(seed);
  const groups = new Map<string, string[]>();
  for (const item of bank) groups.set(item.group, [...(groups.get(item.group) ?? []), item.id]);
  const queues = shuffle([...groups.keys()].sort(), next).map((g) => shuffle(groups.get(g) ?? [], next));
  const drawn: string[] = [];
  while (drawn.length < count) {
    for (const queue of queues) {
      const id = queue.shift();
      if (id !== undefined && drawn.length < count) drawn.push(id);
    }
  }
  return shuffle(drawn, next);
}

/** The order to show a question's options in, for one attempt: stable for a seed and question. */
export function optionOrder<T extends { id: string }>(options: readonly T[], seed: number, questionId: string): T[] {
  let h = seed >>> 0;
  for (let i = 0; i < questionId.length; i++) h = Math.imul(h ^ questionId.charCodeAt(i), 2654435761) >>> 0;
  return shuffle(options, random(h));
}

/** A fresh seed for a new attempt. */
export function newSeed(): number {
  return Math.floor(Math.random() * 2 ** 31);
}
