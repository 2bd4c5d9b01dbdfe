import { describe, expect, it } from 'vitest';
import { planProblems, planToMarkdown } from '../../src/lib/plan';

const complete = { decision: 'Who approves rota swaps', mechanism: 'A peer commitment (like a CLOU)', owner: 'Sam', measures: ['Swap requests answered within a day', 'Number of people who led a swap', ''], checkIn: '2027-02-20' };

describe('the 90-day plan', () => {
  it('a complete plan has no problems', () => {
    expect(planProblems(complete, '2026-11-25')).toEqual([]);
  });

  it('names every missing part', () => {
    expect(planProblems({ decision: ' ', mechanism: '', owner: '', measures: ['one', '', ''], checkIn: '' }, '2026-11-25').map((p) => p.field)).toEqual([
      'decision', 'mechanism', 'owner', 'measures', 'checkIn',
    ]);
  });

  it('refuses a check-in date in the past', () => {
    expect(planProblems({ ...complete, checkIn: '2026-01-01' }, '2026-11-25')).toEqual([{ field: 'checkIn', message: 'The check-in date is in the past.' }]);
  });

  it('exports as Markdown with the measures listed and empty ones left out', () => {
    const md = planToMarkdown(complete, 'Leading Together', '2026-11-25T10:00:00.000Z');
    expect(md).toContain('# My 90-day experiment (Leading Together)');
    expect(md).toContain('- **Owner:** Sam');
    expect(md).toContain('  - Swap requests answered within a day\n  - Number of people who led a swap\n- **Check-in date:** 2027-02-20');
  });
});
