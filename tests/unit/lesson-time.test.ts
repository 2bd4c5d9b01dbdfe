import { describe, expect, it } from 'vitest';
import { ACTIVITY_MINUTES, countActivities, countWords, lessonTime } from '../../src/lib/content/lesson-time';

describe('lesson time, computed from the body', () => {
  it('counts prose and component text, not tags, attributes, code or comments', () => {
    const body = [
      'import X from "y";',
      '## A heading here',
      'One two <Term id="conjoint-agency">three four</Term> (<Cite id="gronn-2002" />).',
      '<Callout type="note" title="Not counted">',
      'Five six.',
      '</Callout>',
      '```js\nconst notCounted = 1;\n```',
      '<!-- hidden words -->',
      '{/* mdx comment */}',
      'A [link text](/lessons/x/#anchor) and `code`.',
    ].join('\n\n');
    // "A heading here" 3 + "One two three four" 4 + "Five six" 2 + "A link text and" 4 = 13
    expect(countWords(body)).toBe(13);
  });

  it('counts each activity component, self-closing or not', () => {
    const body = '<Check id="a" />\n<Check id="b"/>\n<Scenario id="s" />\n<TeamDiagnostic />\n<ActionPlan />\n<Artefact id="x" />\n<ReviewCheck lesson="l3" />\n<PreCheck />\n<Reflection id="r" prompt="p" />\n<CaseStudy id="c" title="t">x</CaseStudy>';
    expect(countActivities(body)).toEqual({ Check: 2, Scenario: 1, Reflection: 1, TeamDiagnostic: 1, ActionPlan: 1, Artefact: 1, ReviewCheck: 1, PreCheck: 1 });
  });

  it('adds reading at 200 words a minute to each activity’s minutes, rounded, at least 1', () => {
    const words = Array.from({ length: 1000 }, () => 'word').join(' ');
    const t = lessonTime(`${words}\n\n<Check id="a" />\n<Check id="b" />\n<Scenario id="s" />`);
    expect(t.words).toBe(1000);
    expect(t.readingMinutes).toBe(5);
    expect(t.activityMinutes).toBe(2 * ACTIVITY_MINUTES.Check + ACTIVITY_MINUTES.Scenario);
    expect(t.minutes).toBe(Math.round(5 + 2 * ACTIVITY_MINUTES.Check + ACTIVITY_MINUTES.Scenario));
    expect(lessonTime('').minutes).toBe(1);
  });

  it('a lesson with a scenario, a 24-item diagnostic, a plan and three cases is well over 30 minutes', () => {
    const words = Array.from({ length: 2400 }, () => 'word').join(' ');
    const body = `${words}\n<Scenario id="s" />\n<TeamDiagnostic />\n<ActionPlan />\n<Check id="a" />`;
    expect(lessonTime(body).minutes).toBeGreaterThan(45);
  });
});
