/** Kept apart from ./order so that lesson pages load only this. */
/**
 * The learner's order of a knowledge check's options: each option ranked by a hash of the learner's
 * seed, the question and the option (smaller than a seeded shuffle, and as even: see the unit test).
 */
export function checkOrder<T extends { id: string }>(options: readonly T[], seed: number, questionId: string): T[] {
  const rank = (id: string) => {
    let h = seed >>> 0;
    for (const c of questionId + '\u0000' + id) h = Math.imul(h ^ c.charCodeAt(0), 0x85ebca6b);
    h = Math.imul(h ^ (h >>> 16), 0xc2b2ae35);
    return (h ^ (h >>> 13)) >>> 0;
  };
  return [...options].sort((a, b) => rank(a.id) - rank(b.id));
}
