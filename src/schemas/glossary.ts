import { z } from 'astro/zod';

/** A glossary entry in `content/glossary.yaml`. Lessons link to it with `<Term id="…">`. */
export const glossarySchema = z.strictObject({
  /** Stable slug, also the anchor on the glossary page (`/glossary/#id`). */
  id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/),
  /** The term as shown. */
  term: z.string().min(2),
  /** One sentence. */
  definition: z.string().min(10),
  /** Ids of related glossary terms. */
  related: z.array(z.string()).optional(),
  /** Id of the reference the definition draws on. */
  source: z.string().optional(),
});

export type GlossaryData = z.output<typeof glossarySchema>;
