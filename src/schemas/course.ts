import { z } from 'astro/zod';

/** The course itself, `content/course.yaml`, one entry keyed by the course id. */
export const courseSchema = z.strictObject({
  /** The course title. */
  title: z.string().min(3),
  /** A line under the title. */
  subtitle: z.string().min(3),
  /** What a learner gets from the course, in two or three sentences. */
  promise: z.string().min(20),
  /** Who the course is for, one item each. */
  audience: z.array(z.string().min(3)).min(1),
  /** Course-level learning outcomes. */
  outcomes: z.array(z.string().min(10)).min(1),
  /** The question the whole course keeps asking. */
  throughline: z.string().min(10),
  /** The final assessment. */
  assessment: z.strictObject({
    /** Percent needed to pass, 0–100. */
    passMark: z.number().int().min(1).max(100),
    /** How many questions one attempt draws from the bank (12–15 suits a 20-minute test). */
    questions: z.number().int().min(1).max(60),
  }),
});

export type CourseData = z.output<typeof courseSchema>;
