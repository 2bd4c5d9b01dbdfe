/**
 * A spaced review in a later lesson: two to four knowledge checks from earlier lessons, drawn per
 * learner (lib/retrieval/review) and answered with the knowledge check's own controls and feedback.
 * Answers are kept under `reviews`, never in the earlier lessons' checks, so a review changes no
 * lesson's completion; the draw is kept at the first answer, so a reload shows the same questions.
 */
import type { Question } from '../schemas/question';
import type { Progress } from '../lib/progress/types';
import { reviewItems, type ReviewPool } from '../lib/retrieval/review';
import { answerReview } from '../stores/retrieval';
import KnowledgeCheck from './KnowledgeCheck';
import { WithProgress } from './parts/WithProgress';

export interface ReviewCheckProps {
  id: string;
  count: number;
  pools: ReviewPool[];
  questions: Record<string, Question>;
  /** Lesson titles by id, for "from Lesson 2: …". */
  titles: Record<string, string>;
}

export default class ReviewCheck extends WithProgress<ReviewCheckProps, { progress?: Progress | undefined }> {
  render({ id, count, pools, questions, titles }: ReviewCheckProps, { progress }: { progress?: Progress | undefined }) {
    // Until progress is read, an empty box: client:visible needs an element to watch.
    if (!progress) return <div class="stack" style={{ minHeight: '1px' }} />;
    const items = reviewItems(id, pools, count, progress).filter((q) => questions[q]);
    return (
      <div class="stack">
        {items.map((qid, i) => {
          const lesson = pools.find((p) => p.questions.includes(qid))?.lesson ?? '';
          return (
            <KnowledgeCheck
              key={qid}
              question={questions[qid] as Question}
              number={i + 1}
              review={{
                label: `Review question ${i + 1} of ${items.length} · from ${titles[lesson] ?? 'an earlier lesson'}`,
                saved: (p) => p?.reviews?.[id]?.answers[qid],
                save: (response, score) => answerReview(id, items, qid, response, score),
              }}
            />
          );
        })}
      </div>
    );
  }
}
