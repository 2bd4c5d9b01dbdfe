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
  /** The DOI alone ("10.1177/…", no "https://doi.org/"), where the work has one; the references page links it. */
  doi: z.string().regex(/^10\.\d{4,9}\/\S+$/, 'a DOI such as "10.1177/1548051818820862", without "https://doi.org/"').optional(),
}).refine((r) => !/doi\.org\//i.test(r.citation), { message: 'put the DOI in the "doi" field, not in the citation', path: ['citation'] });

/** The address a DOI resolves at. */
export const doiUrl = (doi: string): string => `https://doi.org/${doi}`;

export type ReferenceData = z.output<typeof referenceSchema>;
