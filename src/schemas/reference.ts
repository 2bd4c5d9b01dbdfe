import { z } from 'astro/zod';

/** A reference in `content/references.yaml`. Lessons cite it with `<Cite id="…">`. */
export const referenceSchema = z.strictObject({
  /** Stable slug, also the anchor on the references page (`/references/#id`). */
  id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/),
  /** In-text label, APA style: "Bolden, 2011", "Carson et al., 2007". */
  short: z.string().min(3),
  /** The full APA 7 citation; `*…*` marks italics. */
  citation: z.string().min(10),
  /** Core references are listed first. */
  kind: z.enum(['core', 'supplementary']),
});

export type ReferenceData = z.output<typeof referenceSchema>;
