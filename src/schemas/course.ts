import { z } from 'astro/zod';
import { ORIGIN_PATTERN } from '../lib/embed';

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
  /** Embedding the course in other sites' pages (an iframe with `?embed=1`; see the README). */
  embed: z
    .strictObject({
      /**
       * Origins of the pages that may receive the course's messages (ready, resize, progress,
       * completed) when they embed it; messages from other origins are ignored. An origin is
       * `scheme://host[:port]`; `*` may stand for the port (`http://localhost:*`) or for the first
       * label of the host (`https://*.instructure.com`: any subdomain, not the bare domain). Never a
       * bare `*`. Which sites may frame the course at all is the web server's `frame-ancestors` header.
       */
      allowedOrigins: z.array(
        z.string().regex(ORIGIN_PATTERN, 'not an origin pattern: write scheme://host or scheme://host:port in lowercase, with no path or trailing slash; * may only be the port or the first label of the host, e.g. "https://*.example.org" or "http://localhost:*"'),
      ),
    })
    .default({ allowedOrigins: [] }),
});

export type CourseData = z.output<typeof courseSchema>;
