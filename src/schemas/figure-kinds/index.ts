import type { z } from 'astro/zod';
import { sequenceData } from './sequence';

/**
 * The kinds of figure, each with the schema of its `data:` (what it draws). A new kind: a schema
 * here, a component in `src/components/figures/kinds.ts`. Append; keep one line per kind.
 */
export const FIGURE_KINDS: Record<string, z.ZodType> = {
  sequence: sequenceData,
};
