import { z } from 'astro/zod';

/** Steps in order, left to right (stacked on a phone), each with who acts and what they do. */
export const sequenceData = z.strictObject({
  steps: z
    .array(
      z.strictObject({
        /** Who acts at this step (“Any team member”), drawn as the box's heading. */
        actor: z.string().min(2).max(40),
        /** What they do, one short sentence. */
        action: z.string().min(5).max(120),
      }),
    )
    .min(2)
    .max(6),
  /** Optional note drawn under the sequence (a condition, a loop back). */
  note: z.string().max(160).optional(),
});
export type SequenceData = z.infer<typeof sequenceData>;
