/**
 * The final assessment's draw: reproducible from a seed, so that a reload shows the same
 * questions in the same order, and tests can fix the seed.
 */

import { optionOrder, random, shuffle } from './order';

export { optionOrder, random, shuffle };

export interface BankItem {
  id: string;
  /** Used to spread the draw over the course: every group gets a question before any gets two. */
  group: string;
  /** The objective the item assesses: within a group, objectives are spread before any repeats. */
  objective?: string | undefined;
  /** Near-identical items share a tag: one attempt draws at most one item per tag. */
  variant?: string | undefined;
}

/**
 * Draws `count` question ids, by objective: round-robin over the groups (lessons) in a shuffled
 * order, so that every lesson is covered before any gets a second question; within a lesson,
 * round-robin over its objectives, those not in `seen` (the objectives earlier attempts asked)
 * first, so that one attempt covers as many objectives as its length allows and successive attempts
 * rotate through the rest. An item whose variant tag an earlier pick carries is passed over. Then
 * the whole draw is shuffled. The same seed and `seen` give the same draw.
 */
export function drawQuestions(bank: readonly BankItem[], count: number, seed: number, seen: ReadonlySet<string> = new Set()): string[] {
  if (count > bank.length) throw new RangeError(`cannot draw ${count} questions from a bank of ${bank.length}`);
  const variants = new Map(bank.flatMap((b) => (b.variant === undefined ? [] : [[b.id, b.variant] as const])));
  const distinct = bank.length - variants.size + new Set(variants.values()).size;
  if (count > distinct) throw new RangeError(`cannot draw ${count} questions from a bank of ${distinct} once variants count once`);
  const next = random(seed);
  const groups = new Map<string, Map<string, string[]>>();
  for (const item of bank) {
    const objectives = groups.get(item.group) ?? new Map<string, string[]>();
    const key = item.objective ?? item.id;
    objectives.set(key, [...(objectives.get(key) ?? []), item.id]);
    groups.set(item.group, objectives);
  }
  // Per lesson, its objectives in the order they are asked: unseen first, each part shuffled.
  const lessons = shuffle([...groups.keys()].sort(), next).map((g) => {
    const objectives = groups.get(g)!;
    const keys = shuffle([...objectives.keys()].sort(), next);
    const order = [...keys.filter((k) => !seen.has(k)), ...keys.filter((k) => seen.has(k))];
    return order.map((k) => shuffle(objectives.get(k)!, next));
  });
  const drawn: string[] = [];
  const used = new Set<string>();
  // An item is free unless a drawn item carries its variant tag; passed-over items leave their queue.
  const free = (queue: string[]) => {
    while (queue.length > 0 && used.has(variants.get(queue[0]!) ?? '')) queue.shift();
    return queue.length > 0;
  };
  while (drawn.length < count) {
    for (const queues of lessons) {
      if (drawn.length >= count) break;
      // The lesson's next objective that still has a free item; it then goes to the back of the line.
      const at = queues.findIndex(free);
      if (at < 0) continue;
      const [queue] = queues.splice(at, 1);
      const id = queue!.shift()!;
      drawn.push(id);
      const tag = variants.get(id);
      if (tag !== undefined) used.add(tag);
      queues.push(queue!);
    }
  }
  return shuffle(drawn, next);
}

/** A fresh seed for a new attempt. */
export function newSeed(): number {
  return Math.floor(Math.random() * 2 ** 31);
}

/**
 * The objectives the next attempt should ask last: those of the latest attempts (newest first) until
 * one more attempt would complete the set, so that a new cycle starts once every objective was asked.
 * `attempts` holds each attempt's objectives, oldest first.
 */
export function seenObjectives(attempts: readonly (readonly string[])[], all: number): Set<string> {
  const seen = new Set<string>();
  for (const objectives of [...attempts].reverse()) {
    const next = new Set([...seen, ...objectives]);
    if (next.size >= all) break;
    for (const o of objectives) seen.add(o);
  }
  return seen;
}

/**
 * A new attempt's questions: `drawQuestions` with the objectives of the `earlier` attempts (their
 * question ids, oldest first) asked last, so that successive attempts rotate through the objectives.
 */
export function drawAttempt(bank: readonly BankItem[], earlier: readonly (readonly string[])[], count: number, seed: number): string[] {
  const objective = new Map(bank.map((b) => [b.id, b.objective ?? b.id]));
  const asked = earlier.map((questions) => questions.flatMap((id) => objective.get(id) ?? []));
  return drawQuestions(bank, count, seed, seenObjectives(asked, new Set(objective.values()).size));
}
