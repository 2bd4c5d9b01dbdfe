/**
 * The SCORM package's launch page script (bundled by src/tools/package.ts into `shell.js`).
 * The launch page is the one SCO the LMS opens; it frames the course's pages, so that moving
 * from page to page never ends the LMS session. It finds the LMS before any course page loads,
 * starts the session once, offers course pages a storage backend that reads from and writes to
 * the LMS (with a copy in this browser), and finishes the session once, when the learner leaves.
 */
import type { Question } from '../schemas/question';
import { findApi } from '../lib/lms/api';
import { LmsSession } from '../lib/lms/session';
import { decode, encode } from '../lib/progress/codec';
import { emptyProgress, type Progress } from '../lib/progress/types';
import type { Backend } from '../stores/engine';

interface ShellConfig {
  courseId: string;
  title: string;
  storageVersion: number;
  lessonIds: string[];
  passMark: number;
  questions: Question[];
}

declare const __LT_SHELL__: ShellConfig;
const config = __LT_SHELL__;

const progressKey = `${config.courseId}:v${config.storageVersion}:progress`;
const facts = { lessonIds: config.lessonIds };
const noEvents = { addEventListener() {}, removeEventListener() {} };

function storage(): Storage | undefined {
  try {
    const s = window.localStorage;
    s.getItem(progressKey);
    return s;
  } catch {
    return undefined;
  }
}

const local = storage();
const localRead = (key: string) => {
  try {
    return local?.getItem(key) ?? undefined;
  } catch {
    return undefined;
  }
};
/** Throws when the browser refuses, like any backend write. */
const localWrite = (key: string, value: string) => {
  if (!local) throw new DOMException('No storage', 'SecurityError');
  local.setItem(key, value);
};

class LmsRefused extends Error {
  override name = 'LmsRefused';
}

/** A bookmark is a course page (`lessons/x/#part`): anything else opens the home page. */
function pageFor(location: string): string {
  const m = /^((?:[a-z0-9-]+\/)*)(#[A-Za-z0-9_-]+)?$/.exec(location);
  return m ? `course/${m[1] ?? ''}index.html${m[2] ?? ''}` : 'course/index.html';
}

function start() {
  const api = findApi(window);
  let first = 'course/index.html';
  if (api) {
    const session = new LmsSession({
      api,
      facts,
      rules: { lessonIds: config.lessonIds, passMark: config.passMark },
      questions: new Map(config.questions.map((q) => [q.id, q])),
      log: (message) => console.warn(message),
    });
    const launch = session.launch();
    const cacheKey = `${progressKey}:lms:${launch.learnerId || 'learner'}`;
    // What stays in the browser under SCORM 1.2 (notes, the plan) comes from this learner's copy.
    const cached = decode(localRead(cacheKey), facts).progress;
    let progress: Progress = launch.progress;
    if (cached.notes) progress = { ...progress, notes: { ...cached.notes, ...progress.notes } };
    if (cached.plan && (!progress.plan || cached.plan.at > progress.plan.at)) progress = { ...progress, plan: cached.plan };
    // Damaged or foreign data from the LMS goes to the page as it is: the page says so and
    // sets it aside before anything overwrites it.
    let current: string | undefined = launch.problems.length ? launch.raw : encode(progress);
    const refused = (failure: { code: string; text: string } | undefined) =>
      new LmsRefused(failure?.code ? `(LMS error ${failure.code}${failure.text ? `: ${failure.text}` : ''}.) The course tries again with your next change.` : 'The course tries again with your next change.');
    let leftOut: string[] = [];
    const save = (value: string) => {
      const result = session.save(decode(value, facts).progress);
      leftOut = result.leftOut;
      if (!result.ok) throw refused(result.failure);
    };
    if (!launch.problems.length && current) {
      try {
        save(current);
      } catch {
        // Told to the learner with the page's first change.
      }
    }
    const backend: Backend = {
      description: `your LMS (SCORM ${api.standard}), with a copy in this browser`,
      read: (key) => (key === progressKey ? current : localRead(key)),
      write: (key, value) => {
        if (key !== progressKey) {
          localWrite(key, value);
          if (!session.running) throw refused(session.startFailure);
          return;
        }
        current = value;
        try {
          localWrite(cacheKey, value);
        } catch {
          // The LMS is the record; the copy in this browser is a convenience.
        }
        save(value);
      },
      remove: (key) => {
        if (key !== progressKey) return local?.removeItem(key);
        current = undefined;
        save(encode(emptyProgress()));
      },
      events: noEvents,
    };
    // What the LMS cannot keep, said where the learner writes it and on "Your progress".
    const browserOnly = () => {
      if (api.standard === '1.2') return 'Your LMS (SCORM 1.2) cannot store notes or the 90-day plan, so they stay in this browser only: export them from “Your progress” to keep a copy.';
      if (leftOut.includes('notes')) return 'Your notes are too long for your LMS to store in full, so some stay in this browser only: export them from “Your progress” to keep a copy.';
      return undefined;
    };
    (window as Window & { leadingTogetherLms?: unknown }).leadingTogetherLms = { backend, standard: api.standard, browserOnly };
    if (launch.location && !launch.problems.length) first = pageFor(launch.location);
    // The learner leaves the course: finish once (pagehide also covers closing the LMS window).
    window.addEventListener('pagehide', () => session.finish());
  }
  const frame = document.createElement('iframe');
  frame.title = config.title;
  frame.src = first;
  document.getElementById('course')?.replaceChildren(frame);
}

start();
