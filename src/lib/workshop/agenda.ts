/**
 * The workshop plan for trainers (course brief §9): the half-day agenda, the course's suggested
 * full-day variant, the discussion prompt for each lesson and the printable handouts. Data and pure
 * checks only; the facilitator guide (src/pages/facilitator/) resolves the materials to links and
 * fails the build if one names a lesson or scenario that does not exist.
 */

/** The printable handouts, under `facilitator/handouts/<id>/`. */
export const HANDOUTS = [
  { id: 'lesson-summaries', title: 'Lesson summaries', description: 'Each lesson on one page: its time, objectives, key takeaways and workshop prompt.' },
  { id: 'comparison-table', title: 'Five leadership arrangements compared', description: 'The comparison table on one landscape page.' },
  { id: 'scenario-cards', title: 'Scenario cards', description: 'One card per decision of each branching scenario, for teams to vote on.' },
  { id: 'diagnostic-worksheet', title: 'Team readiness diagnostic worksheet', description: 'The 24 statements with boxes to tick, the red flags and the scoring bands, to complete on paper.' },
  { id: 'delegation-agreement', title: 'Delegation agreement', description: 'A one-page template with the five elements of a delegation agreement.' },
  { id: 'action-plan', title: '90-day experiment plan', description: 'A one-page template for the 90-day experiment, with the 30-day check-in and the 90-day review.' },
] as const;

export type HandoutId = (typeof HANDOUTS)[number]['id'];

export function handout(id: HandoutId): (typeof HANDOUTS)[number] {
  return HANDOUTS.find((h) => h.id === id) as (typeof HANDOUTS)[number];
}

/** What a segment uses: a lesson or scenario (by id), a handout, a page of the site, or plain text. */
export type Material =
  | { lesson: string; note?: string }
  | { scenario: string; note?: string }
  | { handout: HandoutId; note?: string }
  | { page: 'diagnostic' | 'simulations' | 'cases'; note?: string }
  | { text: string };

export interface Segment {
  /** Minutes from the start of the workshop. */
  start: number;
  end: number;
  title: string;
  /** What participants should leave the segment able to do or see; empty for a break. */
  goal: string;
  activity: string;
  prompts: string[];
  materials: Material[];
}

const BREAK = { goal: '', activity: 'Break.', prompts: [], materials: [] };

/** Course brief §9: the half-day workshop, 3 h 30 min. */
export const HALF_DAY: Segment[] = [
  {
    start: 0, end: 15, title: 'Opening',
    goal: 'Start from participants’ own experience of leadership that came from someone without a title.',
    activity: 'In pairs, each person describes a time when leadership came from someone without a title. Collect the themes on a wall.',
    prompts: ['Describe a time leadership came from someone without a title. What made it work?'],
    materials: [{ text: 'Wall space and sticky notes' }],
  },
  {
    start: 15, end: 40, title: 'Untangling the labels',
    goal: 'Tell the five arrangements apart by authority, decisions, accountability, influence and unit of analysis.',
    activity: 'Show the comparison table. Small groups sort six short vignettes by the arrangement that dominates each.',
    prompts: ['Which column best describes how decisions are really made in your team — and which one does your organisation *say* it uses?'],
    materials: [
      { handout: 'comparison-table' },
      { lesson: 'leadership-in-the-plural', note: 'its sorting check has the six vignettes' },
    ],
  },
  {
    start: 40, end: 65, title: 'Delegation clinic',
    goal: 'Draft a delegation agreement for a real task that keeps authority and accountability clear.',
    activity: 'Each person picks a real task to delegate and fills in a delegation agreement: outcome, limits of authority, resources, check-ins and retained accountability. Peer review in trios.',
    prompts: ['What authority must travel with this responsibility?'],
    materials: [{ handout: 'delegation-agreement' }, { lesson: 'delegation-done-well' }],
  },
  {
    start: 65, end: 90, title: 'Evidence check',
    goal: 'Read the research accurately: a moderate, mostly correlational association that depends on conditions.',
    activity: 'A mini-lecture on the effect sizes, the moderators and where the studies disagree. Groups write their questions for a vendor’s claim, which is invented for the exercise: say so, so that nobody leaves thinking it is a finding.',
    prompts: ['A vendor claims flat teams are 30% more productive. What three questions would you ask?'],
    materials: [{ lesson: 'shared-leadership-in-teams' }],
  },
  { start: 90, end: 105, title: 'Break', ...BREAK },
  {
    start: 105, end: 145, title: 'Branching scenario in teams',
    goal: 'Practise deciding who leads what under pressure, and see that no single way of deciding wins every decision.',
    activity: 'Teams play “Line 3 Alert” or “Going Squads”, projected, voting at each decision.',
    prompts: ['Where did one owner matter most? Where did distributing help? What would you change?'],
    materials: [
      { scenario: 'line-3-alert' },
      { scenario: 'going-squads' },
      { handout: 'scenario-cards', note: 'for voting' },
    ],
  },
  {
    start: 145, end: 175, title: 'Power and limits',
    goal: 'Make power visible: who decides, who is never asked, and when “distributed” means extra unpaid work.',
    activity: 'Read the Valve and Zappos cases and the summary of Lumby’s critique. Use a round, so that every voice is heard.',
    prompts: [
      'Who really decides here?',
      'Who never gets asked to lead?',
      'Where might ‘distributed leadership’ be a label for extra unpaid work?',
    ],
    materials: [{ lesson: 'power-accountability-and-limits', note: 'the Valve and Zappos cases and Lumby’s critique' }, { page: 'cases' }],
  },
  {
    start: 175, end: 200, title: 'Diagnostic and action plan',
    goal: 'Judge the team’s readiness to distribute leadership, then plan one 90-day experiment.',
    activity: 'Teams complete the team readiness diagnostic and compare the leader’s scores with the members’. Each participant drafts one 90-day experiment: one decision to redistribute, the mechanism (a charter, a commitment, a huddle or a stop signal), the owner and two or three measures, such as decision cycle time, defects, an engagement pulse or the number of people who led something.',
    prompts: [],
    materials: [
      { page: 'diagnostic' },
      { handout: 'diagnostic-worksheet' },
      { handout: 'action-plan' },
      { lesson: 'designing-your-leadership-mix' },
    ],
  },
  {
    start: 200, end: 210, title: 'Close',
    goal: 'Turn each plan into a commitment with a date.',
    activity: 'One-sentence commitments. Schedule the 30-day check-in before people leave.',
    prompts: [],
    materials: [{ handout: 'action-plan', note: 'the check-in dates' }],
  },
];

/**
 * The course's suggested full day (7 hours with breaks), built by extending the half day: more
 * time in each segment, all three scenarios, and a longer diagnostic and planning session.
 */
export const FULL_DAY: Segment[] = [
  {
    start: 0, end: 20, title: 'Opening',
    goal: HALF_DAY[0]!.goal,
    activity: 'As in the half day, with time for each pair to report one theme.',
    prompts: HALF_DAY[0]!.prompts,
    materials: HALF_DAY[0]!.materials,
  },
  {
    start: 20, end: 60, title: 'Untangling the labels',
    goal: HALF_DAY[1]!.goal,
    activity: 'As in the half day, then a discussion of job titles and real leadership.',
    prompts: [...HALF_DAY[1]!.prompts, 'When has a ‘team leader’ title increased or reduced real leadership in your team?'],
    materials: HALF_DAY[1]!.materials,
  },
  {
    start: 60, end: 105, title: 'Delegation clinic',
    goal: HALF_DAY[2]!.goal,
    activity: 'As in the half day, rotating roles in the trios so that everyone’s draft is reviewed; then failed delegations, without naming colleagues.',
    prompts: [...HALF_DAY[2]!.prompts, 'Think of a delegation that failed. Was it missing authority, resources, clarity or readiness?'],
    materials: HALF_DAY[2]!.materials,
  },
  { start: 105, end: 120, title: 'Break', ...BREAK },
  {
    start: 120, end: 155, title: 'Evidence check',
    goal: HALF_DAY[3]!.goal,
    activity: 'As in the half day, then each group picks the weakest condition in their teams.',
    prompts: [...HALF_DAY[3]!.prompts, 'Which of the conditions — purpose, voice, support, coaching, trust, interdependence — is weakest in your team? What is one cheap fix?'],
    materials: HALF_DAY[3]!.materials,
  },
  { start: 155, end: 200, title: 'Lunch', ...BREAK, activity: 'Lunch.' },
  {
    start: 200, end: 290, title: 'Branching scenarios in teams',
    goal: 'Compare how the same choices play out in an incident, a reorganisation and a partnership.',
    activity: 'Teams play all three scenarios, projected, voting at each decision: about 25 minutes each, including a short debrief, then 15 minutes to compare the three.',
    prompts: [
      HALF_DAY[5]!.prompts[0]!,
      'After “Line 3 Alert”: name one routine or tool in your workplace that *carries* leadership. Who designed it, and who does it empower?',
      'After “Stuck on the Ward”: list the organisations you depend on but cannot instruct. What data could you share to start a better conversation?',
    ],
    materials: [
      { scenario: 'line-3-alert' },
      { scenario: 'going-squads' },
      { scenario: 'stuck-on-the-ward' },
      { handout: 'scenario-cards', note: 'for voting' },
    ],
  },
  { start: 290, end: 305, title: 'Break', ...BREAK },
  {
    start: 305, end: 345, title: 'Power and limits',
    goal: HALF_DAY[6]!.goal,
    activity: 'As in the half day, then the structural barriers that keep some people from leading.',
    prompts: [...HALF_DAY[6]!.prompts, 'Whose voices are missing when leadership is ‘distributed’ here? What structural barriers stop them?'],
    materials: HALF_DAY[6]!.materials,
  },
  {
    start: 345, end: 400, title: 'Diagnostic and action plan',
    goal: HALF_DAY[7]!.goal,
    activity: 'Members score the diagnostic anonymously and the leader shares their scores first; discuss the gaps and the red flags. Each participant drafts a 90-day experiment and tests it on a partner, including what would make them stop.',
    prompts: ['If you could change only one decision right next month, which one would give the most capacity for the least risk?'],
    materials: HALF_DAY[7]!.materials,
  },
  {
    start: 400, end: 420, title: 'Close',
    goal: HALF_DAY[8]!.goal,
    activity: 'One-sentence commitments, read aloud. Schedule the 30-day check-in before people leave.',
    prompts: [],
    materials: HALF_DAY[8]!.materials,
  },
];

/** Course brief §9, "Additional prompts by lesson" (10–15 minutes each), by lesson id. */
export const LESSON_PROMPTS: Readonly<Record<string, string>> = {
  'leadership-in-the-plural': 'When has a ‘team leader’ title increased or reduced real leadership in your team?',
  'delegation-done-well': 'Think of a delegation that failed. Was it missing authority, resources, clarity or readiness?',
  'distributed-leadership-as-practice': 'Name one routine or tool in your workplace that *carries* leadership (for example, a meeting format or checklist). Who designed it, and who does it empower?',
  'shared-leadership-in-teams': 'Which of the conditions — purpose, voice, support, coaching, trust, interdependence — is weakest in your team? What is one cheap fix?',
  'collaborative-leadership-across-boundaries': 'List the organisations you depend on but cannot instruct. What data could you share to start a better conversation?',
  'power-accountability-and-limits': 'Whose voices are missing when leadership is ‘distributed’ here? What structural barriers stop them?',
  'designing-your-leadership-mix': 'If you could change only one decision right next month, which one would give the most capacity for the least risk?',
};

/** `95` → `1:35`: a time from the start of the workshop, as the agenda shows it. */
export function clock(minutes: number): string {
  return `${Math.floor(minutes / 60)}:${String(minutes % 60).padStart(2, '0')}`;
}

/** What is wrong with an agenda: it must start at 0:00, run without gaps or overlaps, and last `total` minutes. */
export function agendaProblems(segments: readonly Segment[], total: number): string[] {
  const problems: string[] = [];
  let next = 0;
  for (const s of segments) {
    if (s.start !== next) problems.push(`“${s.title}” starts at ${clock(s.start)}, expected ${clock(next)}.`);
    if (s.end <= s.start) problems.push(`“${s.title}” ends before it starts.`);
    next = s.end;
  }
  if (next !== total) problems.push(`The agenda ends at ${clock(next)}, expected ${clock(total)}.`);
  return problems;
}

/** The ids of the lessons and scenarios an agenda's materials name, to check against the content. */
export function materialIds(segments: readonly Segment[]): { lessons: string[]; scenarios: string[] } {
  const all = segments.flatMap((s) => s.materials);
  const lessons = all.flatMap((m) => ('lesson' in m ? [m.lesson] : []));
  const scenarios = all.flatMap((m) => ('scenario' in m ? [m.scenario] : []));
  return { lessons: [...new Set(lessons)], scenarios: [...new Set(scenarios)] };
}
