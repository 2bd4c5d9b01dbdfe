import { it } from 'vitest';
import { encodeSuspend } from '../../src/lib/lms';
import { maximalProgress } from '../../tests/unit/lms-maximal';
it('fig', () => { const m = maximalProgress(); console.log('FIG', encodeSuspend(m, '1.2').text.length, encodeSuspend(m,'2004').text.length, m.assessments?.map(a=>a.seed)); });
