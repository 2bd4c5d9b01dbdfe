import { describe, expect, it } from 'vitest';
import { wrapLabel } from '../../src/lib/figures/wrap';

describe('wrapLabel', () => {
  it('breaks at spaces within the limit', () => {
    expect(wrapLabel('Pulls the andon cord when they see a problem', 16)).toEqual(['Pulls the andon', 'cord when they', 'see a problem']);
  });
  it('gives a long word its own line and drops extra spaces', () => {
    expect(wrapLabel('  a  interdependence b ', 6)).toEqual(['a', 'interdependence', 'b']);
  });
});
