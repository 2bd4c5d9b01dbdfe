import { z } from 'astro/zod';

/**
 * The Team Distribution Readiness Diagnostic, `content/diagnostic.yaml`, one entry keyed `tdrd`.
 * Saved results are answers by position, so the checks below keep the shape the scoring relies on:
 * 8 dimensions of 3 statements, a 1–5 scale, bands covering every possible dimension score, and
 * profile rules that only name dimensions, bands and context questions that exist.
 */

const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const slug = z.string().regex(SLUG, 'use lowercase letters, digits and hyphens');

/** How many dimensions and statements per dimension the TDRD has; results are stored by position. */
export const DIMENSIONS = 8;
export const STATEMENTS_PER_DIMENSION = 3;
/** The answer scale. */
export const SCALE_MIN = 1;
export const SCALE_MAX = 5;

/** A statement the learner rates from 1 to 5. */
export const statementSchema = z.strictObject({
  /** Unique across the diagnostic; the form's field name and the target of error links. */
  id: slug,
  /** The statement, in the first person plural or singular, British spelling. */
  text: z.string().min(10),
});

/** A reference list: ids of `content/references.yaml`, checked to exist when the page is built. */
const references = z.array(z.string().min(1));

/** One readiness dimension and its three statements. */
export const dimensionSchema = z.strictObject({
  /** Stable id (`expertise`): profile rules name dimensions by it. */
  id: slug,
  /** The dimension's name, as headings, the chart and the table show it. */
  title: z.string().min(3),
  /** Why the dimension matters, in one or two sentences a learner can read; no claim beyond the cited sources. */
  evidence: z.string().min(20),
  /** The sources of the evidence text. */
  references: references.min(1),
  /** Exactly three statements; the dimension's score is the sum of their answers. */
  statements: z.array(statementSchema).length(STATEMENTS_PER_DIMENSION),
});

/** One point of the answer scale. */
export const scalePointSchema = z.strictObject({
  /** 1 to 5, in order. */
  value: z.number().int().min(SCALE_MIN).max(SCALE_MAX),
  /** What the value means ("Strongly agree"). */
  label: z.string().min(2),
});

/** A band of dimension scores: constraint, developing, strength. */
export const bandSchema = z.strictObject({
  /** Stable id (`constraint`): profile rules name bands by it. */
  id: slug,
  /** As shown in the table and the chart. */
  label: z.string().min(2),
  /** Lowest score in the band, inclusive. */
  min: z.number().int(),
  /** Highest score in the band, inclusive. */
  max: z.number().int(),
  /** What a score in this band suggests, in a short sentence. */
  meaning: z.string().min(5),
});

/** A condition of a profile rule: this dimension's score falls in this band. */
export const conditionSchema = z.strictObject({
  /** A dimension id. */
  dimension: slug,
  /** A band id. */
  band: slug,
});

/** When a profile applies: every condition under `all` holds and, if `any` is given, at least one of those. */
export const ruleSchema = z
  .strictObject({
    /** Conditions that must all hold. */
    all: z.array(conditionSchema).min(1).optional(),
    /** Conditions of which at least one must hold. */
    any: z.array(conditionSchema).min(1).optional(),
  })
  .refine((rule) => rule.all !== undefined || rule.any !== undefined, 'a rule needs "all", "any" or both');

/** A profile and its suggested starting mix of leadership. */
export const profileSchema = z.strictObject({
  /** Stable id. */
  id: slug,
  /** The pattern it describes ("High expertise, low interdependence"). */
  title: z.string().min(3),
  /** The suggested starting mix, as advice a learner can act on. */
  mix: z.string().min(10),
  /** The score rule that matches this profile. A profile has either `when` or `context`, not both. */
  when: ruleSchema.optional(),
  /**
   * Ids of the context questions this profile answers. Context is not scored, so such a profile is
   * never matched by scores: it is offered beside those questions for the learner to judge.
   */
  context: z.array(slug).min(1).optional(),
});

/** A context modifier: a question for reflection, not scored and not stored. */
export const contextQuestionSchema = z.strictObject({
  /** Stable id: profiles name the questions they answer by it. */
  id: slug,
  /** The question, as the team would ask it of itself. */
  question: z.string().min(10),
  /** The answer that makes the linked profiles relevant, as a phrase ("Much of the work depending on…"). */
  watchFor: z.string().min(5),
});

/** A yes/no red flag of the distribution integrity check. */
export const redFlagSchema = z.strictObject({
  /** Stable id, unique among the flags. */
  id: slug,
  /** The statement the learner answers yes or no to. */
  text: z.string().min(10),
});

export const diagnosticSchema = z
  .strictObject({
    /** The instrument's name. */
    title: z.string().min(3),
    /** What the diagnostic is for and how to complete it, shown above the form. */
    intro: z.string().min(20),
    /** What the diagnostic is not: shown with the form, the result and the printed worksheet. */
    disclaimer: z.strictObject({
      /** Plain text. */
      text: z.string().min(20),
      /** Sources named in the text. */
      references,
    }),
    /** The five answer points, 1 to 5 in order. */
    scale: z.array(scalePointSchema).length(SCALE_MAX - SCALE_MIN + 1),
    /** The eight dimensions, in the order of the form; answers are stored in this order. */
    dimensions: z.array(dimensionSchema).length(DIMENSIONS),
    /** Score bands, lowest first, covering 3–15 without gaps or overlaps. */
    bands: z.array(bandSchema).min(2),
    /** Profiles, in the order they are shown. */
    profiles: z.array(profileSchema).min(1),
    /** Shown when no score-based profile matches. */
    noProfile: z.string().min(10),
    /** The context modifiers. */
    context: z.strictObject({
      /** The section's heading. */
      title: z.string().min(3),
      /** Says that these questions are not scored or stored. */
      intro: z.string().min(10),
      /** The questions. */
      questions: z.array(contextQuestionSchema).min(1),
    }),
    /** The distribution integrity check: yes/no red flags and the warning they can trigger. */
    integrity: z.strictObject({
      /** The section's heading. */
      title: z.string().min(3),
      /** How to answer. */
      intro: z.string().min(5),
      /** How many "yes" answers trigger the warning. */
      threshold: z.number().int().min(1),
      /** The red flags, in order; answers are stored in this order. */
      flags: z.array(redFlagSchema).min(1),
      /** The warning shown when at least `threshold` flags are answered "yes". */
      warning: z.strictObject({
        /** The warning's heading. */
        title: z.string().min(3),
        /** The explanation. */
        text: z.string().min(20),
        /** Sources behind the framing. */
        references,
      }),
    }),
  })
  .superRefine((d, ctx) => {
    const issue = (path: (string | number)[], message: string) => ctx.addIssue({ code: 'custom', path, message });
    const unique = (ids: string[], path: (string | number)[], what: string) => {
      ids.forEach((id, i) => {
        if (ids.indexOf(id) !== i) issue(path, `${what} id "${id}" is used twice`);
      });
    };

    unique(d.dimensions.map((x) => x.id), ['dimensions'], 'dimension');
    unique(d.dimensions.flatMap((x) => x.statements.map((s) => s.id)), ['dimensions'], 'statement');
    unique(d.bands.map((x) => x.id), ['bands'], 'band');
    unique(d.profiles.map((x) => x.id), ['profiles'], 'profile');
    unique(d.context.questions.map((x) => x.id), ['context', 'questions'], 'context question');
    unique(d.integrity.flags.map((x) => x.id), ['integrity', 'flags'], 'red flag');

    d.scale.forEach((point, i) => {
      if (point.value !== SCALE_MIN + i) issue(['scale', i, 'value'], `scale point ${i + 1} must have the value ${SCALE_MIN + i}`);
    });

    // Every possible dimension score (3–15) falls in exactly one band.
    const lowest = SCALE_MIN * STATEMENTS_PER_DIMENSION;
    const highest = SCALE_MAX * STATEMENTS_PER_DIMENSION;
    let next = lowest;
    d.bands.forEach((band, i) => {
      if (band.min !== next) issue(['bands', i, 'min'], `band "${band.id}" must start at ${next} so that the bands cover ${lowest}–${highest} without gaps or overlaps`);
      if (band.max < band.min) issue(['bands', i, 'max'], `band "${band.id}" ends (${band.max}) before it starts (${band.min})`);
      next = band.max + 1;
    });
    if (next !== highest + 1) issue(['bands'], `the last band must end at ${highest}`);

    const dimensionIds = new Set(d.dimensions.map((x) => x.id));
    const bandIds = new Set(d.bands.map((x) => x.id));
    const contextIds = new Set(d.context.questions.map((x) => x.id));
    d.profiles.forEach((profile, i) => {
      if ((profile.when === undefined) === (profile.context === undefined)) {
        issue(['profiles', i], `profile "${profile.id}" needs either a "when" rule or a "context" list, not both or neither`);
      }
      for (const key of ['all', 'any'] as const) {
        profile.when?.[key]?.forEach((condition, j) => {
          const path = ['profiles', i, 'when', key, j];
          if (!dimensionIds.has(condition.dimension)) {
            issue([...path, 'dimension'], `profile "${profile.id}" names the dimension "${condition.dimension}", which does not exist (${[...dimensionIds].join(', ')})`);
          }
          if (!bandIds.has(condition.band)) {
            issue([...path, 'band'], `profile "${profile.id}" names the band "${condition.band}", which does not exist (${[...bandIds].join(', ')})`);
          }
        });
      }
      profile.context?.forEach((id, j) => {
        if (!contextIds.has(id)) issue(['profiles', i, 'context', j], `profile "${profile.id}" names the context question "${id}", which does not exist (${[...contextIds].join(', ')})`);
      });
    });

    if (d.integrity.threshold > d.integrity.flags.length) {
      issue(['integrity', 'threshold'], `the threshold (${d.integrity.threshold}) is more than the number of red flags (${d.integrity.flags.length})`);
    }

    // Reference ids are the plain slugs of content/references.yaml, never a label or a citation.
    const referenceLists: [(string | number)[], string[]][] = [
      [['disclaimer', 'references'], d.disclaimer.references],
      [['integrity', 'warning', 'references'], d.integrity.warning.references],
      ...d.dimensions.map((x, i): [(string | number)[], string[]] => [['dimensions', i, 'references'], x.references]),
    ];
    for (const [path, ids] of referenceLists) {
      ids.forEach((id, j) => {
        if (!SLUG.test(id)) issue([...path, j], `reference id "${id}" is not a plain slug like "carson-2007"`);
      });
    }
  });

export type DiagnosticData = z.output<typeof diagnosticSchema>;
export type Dimension = z.output<typeof dimensionSchema>;
export type Band = z.output<typeof bandSchema>;
export type Profile = z.output<typeof profileSchema>;
export type ProfileRule = z.output<typeof ruleSchema>;
export type Condition = z.output<typeof conditionSchema>;
