import { z } from 'astro/zod';

/** A documented organisational case in `content/cases.yaml`. Lessons discuss it inside `<CaseStudy id="…">`. */
export const caseSchema = z.strictObject({
  /** Stable slug; lessons anchor their discussion at `#case-<id>`. */
  id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/),
  /** The case's name as listed. */
  name: z.string().min(3),
  /** Sector tag. */
  sector: z.string().min(3),
  /** The arrangement it mainly illustrates. */
  arrangement: z.enum(['Directive', 'Delegated', 'Distributed', 'Shared', 'Collaborative']),
  /** How it turned out, in a phrase (with the caveat that matters). */
  outcome: z.string().min(3),
  /** One sentence. */
  summary: z.string().min(10),
});

export type CaseData = z.output<typeof caseSchema>;
