import { z } from 'astro/zod';

/** One segment of the workshop agenda, counted down by the facilitator's timer. */
export const segmentSchema = z.strictObject({
  /** As the timer shows it (“Opening”). */
  title: z.string().min(2).max(80),
  /** Planned length in whole minutes. */
  minutes: z.number().int().min(1).max(240),
  /** What happens in the segment, in a sentence, for the facilitator. */
  activity: z.string().min(5).optional(),
});

/**
 * The half-day workshop, `content/workshop.yaml` (course brief §9). Not a content collection: the
 * timer page reads it at build time with `parseWorkshop`, so a mistake fails the build there.
 */
export const workshopSchema = z.strictObject({
  /** The workshop's name, shown above the agenda. */
  title: z.string().min(3),
  /** The segments, in the order they run. */
  segments: z.array(segmentSchema).min(1).max(30),
});

export type Segment = z.output<typeof segmentSchema>;
export type Workshop = z.output<typeof workshopSchema>;

export class WorkshopFileError extends Error {
  override name = 'WorkshopFileError';
}

/**
 * Validates parsed YAML. Throws a `WorkshopFileError` naming the file and each field that is
 * wrong (`content/workshop.yaml: field "segments.2.minutes": …`), like the content collections do.
 */
export function parseWorkshop(data: unknown, file: string): Workshop {
  const result = workshopSchema.safeParse(data);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => {
    const field = issue.path.map(String).join('.');
    return `${file}: ${field ? `field "${field}"` : 'the file'}: ${issue.message}`;
  });
  throw new WorkshopFileError(`The workshop agenda has ${problems.length} problem(s):\n- ${problems.join('\n- ')}`);
}
