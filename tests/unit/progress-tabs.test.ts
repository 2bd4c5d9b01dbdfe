import { describe, expect, it } from 'vitest';
import { emptyProgress, recordCheck, setNote, visit, type Progress } from '../../src/lib/progress';
import { TAB_DELAY_MS, mergeTabs } from '../../src/lib/progress/merge';

const at = (ms: number) => new Date(Date.UTC(2026, 0, 1, 10) + ms).toISOString();
const base = visit(emptyProgress(), 'one', at(0));

describe('mergeTabs: this tab’s copy and what another tab stored', () => {
  it('keeps the changes of both tabs made in the same instant (the other tab had not seen this one’s)', () => {
    const ours = setNote(recordCheck(visit(base, 'two', at(1000)), 'q1', { kind: 'single', choice: 'a' }, 1, at(1000)), 'n1', 'A-30', at(1000));
    const theirs = setNote(visit(base, 'three', at(1001)), 'n2', 'B-30', at(1001));
    const merged = mergeTabs(ours, theirs, base);
    expect(Object.keys(merged.lessons).sort()).toEqual(['one', 'three', 'two']);
    expect(merged.notes).toEqual({ n1: { text: 'A-30', at: at(1000) }, n2: { text: 'B-30', at: at(1001) } });
    expect(merged.checks?.['q1']?.attempts).toBe(1);
    // The other tab, merging in its turn, reaches the same progress.
    expect(mergeTabs(theirs, ours, base)).toEqual(merged);
  });

  it('never goes back to an older copy: a newer note in this tab stays', () => {
    const older = setNote(base, 'n1', 'first', at(1000));
    const newer = setNote(older, 'n1', 'second', at(2000));
    expect(mergeTabs(newer, older, older).notes?.['n1']?.text).toBe('second');
    expect(mergeTabs(older, newer, older).notes?.['n1']?.text).toBe('second');
  });

  it('a note this tab wrote a moment ago and the other tab’s copy lacks is kept: that tab had not seen it yet', () => {
    const ours = setNote(base, 'n1', 'A-1', at(1000));
    const theirs = visit(base, 'two', at(1000 + TAB_DELAY_MS - 1));
    expect(mergeTabs(ours, theirs, base).notes?.['n1']?.text).toBe('A-1');
  });

  it('a note cleared in the other tab is dropped when this tab had read it from storage', () => {
    const stored = setNote(base, 'n1', 'typed there', at(1000));
    const cleared = setNote(stored, 'n1', '', at(1200));
    const merged = mergeTabs(stored, cleared, stored);
    expect(merged.notes?.['n1']).toBeUndefined();
  });

  it('a note this tab wrote long before the other tab’s change, which lacks it, was cleared there', () => {
    const ours = setNote(base, 'n1', 'old', at(1000));
    const theirs: Progress = { ...setNote(ours, 'n1', '', at(1000 + TAB_DELAY_MS + 1)) };
    expect(mergeTabs(ours, theirs, base).notes?.['n1']).toBeUndefined();
  });
});
