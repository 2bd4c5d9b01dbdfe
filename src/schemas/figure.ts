import { z } from 'astro/zod';
import { FIGURE_KINDS } from './figure-kinds';

const slug = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'use lowercase letters, digits and hyphens');

/**
 * A figure, drawn at build time as inline SVG: `content/figures/<id>.yaml`, placed with
 * `<Figure id="…" />` in its lesson. The facts it shows (labels, values) are in `data`, checked
 * against its kind's schema; the same data gives the SVG and its text equivalent.
 */
export const figureSchema = z
  .strictObject({
    /** The lesson that places it (its slug); the lesson must embed `<Figure id="…" />`. */
    lesson: slug,
    /** The SVG's accessible name: short, what the figure is (“The andon escalation sequence”). */
    name: z.string().min(5).max(90),
    /** The caption under it: what to see in it, one or two sentences. */
    caption: z.string().min(10).max(400),
    /** Reference ids (content/references.yaml) the figure draws on; at least one. */
    sources: z.array(slug).min(1),
    /** What the figure adds to or simplifies from the sources, said truly (“The course's simplification”). */
    basis: z.string().min(5).max(200).optional(),
    /** Which component draws it (src/components/figures/kinds.ts). */
    kind: z.string(),
    data: z.unknown(),
  })
  .superRefine((f, ctx) => {
    const schema = FIGURE_KINDS[f.kind];
    if (!schema) {
      ctx.addIssue({ code: 'custom', path: ['kind'], message: `unknown figure kind "${f.kind}"; known: ${Object.keys(FIGURE_KINDS).join(', ')}` });
      return;
    }
    const parsed = schema.safeParse(f.data);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) ctx.addIssue({ code: 'custom', path: ['data', ...issue.path.map(String)], message: issue.message });
    }
  });
export type Figure = z.infer<typeof figureSchema>;
