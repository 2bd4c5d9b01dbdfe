/**
 * The SCORM package's launch page script (bundled by src/tools/package.ts into `shell.js`).
 * The launch page is the one SCO the LMS opens; it frames the course's pages, so that moving
 * from page to page never ends the LMS session. It finds the LMS before any course page loads,
 * starts the session once, offers course pages a storage backend that reads from and writes to
 * the LMS (with a copy in this browser), and finishes the session once, when the learner leaves.
 */
import type { Question } from '../schemas/question';
import { findApi, type LmsApi } from '../lib/lms/api';
import { LmsSession } from '../lib/lms/session';
import { decode, encode } from '../lib/progress/codec';
import { merge } from '../lib/progress/merge';
import { emptyProgress } from '../lib/progress/types';
import type { Backend, PackageConnection } from '../stores/engine';

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
/** Keys other than progress (preferences) fall back to memory when the browser refuses. */
const memory = new Map<string, string>();
const localRead = (key: string) => {
  if (memory.has(key)) return memory.get(key);
  try {
    return local?.getItem(key) ?? undefined;
  } catch {
    return undefined;
  }
};
/** Returns false when the browser refused (the value is then kept in memory). */
const localWrite = (key: string, value: string): boolean => {
  try {
    if (!local) throw new Error('no storage');
    local.setItem(key, value);
    memory.delete(key);
    return true;
  } catch {
    memory.set(key, value);
    return false;
  }
};

class LmsRefused extends Error {
  override name = 'LmsRefused';
}

/** Thrown on every write in review or browse mode, so that the page says nothing is recorded. */
class LmsReview extends Error {
  override name = 'LmsReview';
}

/** A bookmark is a course page (`lessons/x/#part`): anything else opens the home page. */
function pageFor(location: string): string {
  const m = /^((?:[a-z0-9-]+\/)*)(#[A-Za-z0-9_-]+)?$/.exec(location);
  return m ? `course/${m[1] ?? ''}index.html${m[2] ?? ''}` : 'course/index.html';
}


function connect(api: LmsApi): { connection: PackageConnection; first: string; leave: () => void } {
  const session = new LmsSession({
    api,
    course: config.courseId,
    facts,
    rules: { lessonIds: config.lessonIds, passMark: config.passMark },
    questions: new Map(config.questions.map((q) => [q.id, q])),
    log: (message) => console.warn(message),
  });
  const launch = session.launch();
  // An LMS that names no learner (a test player, a guest) still gets the progress; the copy here
  // is then shared by whoever uses this browser without a name.
  const learner = launch.learnerId.replace(/[^A-Za-z0-9_.@-]/g, '_') || 'anonymous';
  const cacheKey = `${progressKey}:lms:${learner}`;
  // Attempts whose interactions reached the LMS, as this browser saw it: a suspend data save that
  // failed after them must not make the next session send them twice.
  const reportedKey = `${cacheKey}:reported`;
  try {
    const list: unknown = JSON.parse(localRead(reportedKey) ?? '[]');
    if (Array.isArray(list)) session.markReported(list.filter((n): n is number => Number.isInteger(n)));
  } catch {
    // Nothing known here: the suspend data says which attempts were reported.
  }
  let leftOut: string[] = [];
  const refused = (failure: { code: string; text: string } | undefined, next = 'The course tries again with your next change.') =>
    new LmsRefused(`${failure?.code ? `(LMS error ${failure.code}${failure.text ? `: ${failure.text}` : ''}.) ` : failure?.text ? `(${failure.text}.) ` : ''}${next}`);

  if (!session.running) {
    // No session: the course runs on this browser's storage, as it does on its own, and says on
    // every change that the LMS gets nothing.
    const why = refused(session.startFailure, 'Your LMS could not start tracking this visit.');
    const backend: Backend = {
      description: 'this browser’s local storage (your LMS is not tracking this visit)',
      read: localRead,
      write: (key, value) => {
        localWrite(key, value);
        if (key === progressKey) throw why;
      },
      remove: (key) => void (memory.delete(key), local?.removeItem(key)),
      events: noEvents,
    };
    return { connection: { backend, standard: api.standard, problems: [], browserOnly: () => undefined, tracking: false, keeps: 'browser' }, first: 'course/index.html', leave: () => session.finish() };
  }

  const cached = decode(localRead(cacheKey), facts).progress;
  const damaged = launch.problems.filter((p) => p.code !== 'unknown-lesson');
  // What the LMS returned and could not be read (damaged, another course's, a renamed course's)
  // is kept aside, untouched, before anything can overwrite it; "Your progress" offers it.
  const asideKey = `${cacheKey}:unreadable`;
  if (damaged.length) localWrite(asideKey, launch.raw);
  // Neither copy is ever overwritten by an older one: the LMS's and this learner's copy in the
  // browser are merged (what the LMS does not keep, such as notes under SCORM 1.2, comes from the
  // browser; what a save that failed did not bring to the LMS, too). When the LMS could not
  // answer, the browser's copy stands in.
  let current = encode(launch.readFailed ? cached : merge(launch.progress, cached));
  const keepReported = () => void localWrite(reportedKey, JSON.stringify(session.reportedSeeds()));

  if (launch.mode !== 'normal') {
    // Review or browse: nothing is written, to the LMS or to the browser. The course says so.
    const review = new LmsReview(`your LMS opened the course in ${launch.mode} mode`);
    const backend: Backend = {
      description: `your LMS (SCORM ${api.standard}), in ${launch.mode} mode: nothing is recorded`,
      read: (key) => (key === progressKey ? current : key === `${progressKey}:unreadable` ? localRead(asideKey) : localRead(key)),
      write: () => {
        throw review;
      },
      remove: () => {
        throw review;
      },
      events: noEvents,
    };
    return { connection: { backend, standard: api.standard, problems: damaged, browserOnly: () => undefined, tracking: false, keeps: 'nothing' }, first: launch.location && !damaged.length ? pageFor(launch.location) : 'course/index.html', leave: () => session.finish() };
  }

  const save = (value: string) => {
    const result = session.save(decode(value, facts).progress);
    leftOut = result.leftOut;
    keepReported();
    if (!result.ok) throw refused(result.failure);
  };
  // The merge goes to both copies; the LMS gets only what differs from what it returned, and a
  // new learner's status and exit from the start ("incomplete", not "not attempted"), unless the
  // LMS could not answer: then nothing is written over its record until the learner acts.
  localWrite(cacheKey, current);
  if (!launch.readFailed) {
    try {
      save(current);
    } catch {
      // Told to the learner with the page's first change.
    }
  }
  const backend: Backend = {
    description: `your LMS (SCORM ${api.standard}), with a copy in this browser`,
    read: (key) => (key === progressKey ? current : key === `${progressKey}:unreadable` ? localRead(asideKey) : localRead(key)),
    write: (key, value) => {
      if (key !== progressKey) {
        localWrite(key, value);
        return;
      }
      current = value;
      localWrite(cacheKey, value);
      save(value);
    },
    remove: (key) => {
      if (key !== progressKey) return void (memory.delete(key), local?.removeItem(key));
      current = encode(emptyProgress());
      localWrite(cacheKey, current);
      save(current);
    },
    events: noEvents,
  };
  // What the LMS cannot keep, said where the learner writes it and on "Your progress".
  const browserOnly = () => {
    if (api.standard === '1.2') return 'Your LMS (SCORM 1.2) cannot store notes or the 90-day plan, so they stay in this browser only: export them from “Your progress” to keep a copy.';
    if (leftOut.includes('notes')) return 'Your notes are too long for your LMS to store in full, so some stay in this browser only: export them from “Your progress” to keep a copy.';
    return undefined;
  };
  const first = launch.location && !damaged.length ? pageFor(launch.location) : 'course/index.html';
  return { connection: { backend, standard: api.standard, problems: damaged, browserOnly, tracking: true, keeps: 'lms' }, first, leave: () => session.finish() };
}

function start() {
  const api = findApi(window);
  const frame = document.createElement('iframe');
  frame.title = config.title;
  frame.src = 'course/index.html';
  if (api) {
    const { connection, first, leave } = connect(api);
    (window as Window & { leadingTogetherLms?: PackageConnection }).leadingTogetherLms = connection;
    frame.src = first;
    // The learner leaves the course (pagehide also covers the LMS closing the frame or window):
    // the course page saves what it still holds, then the session finishes, once.
    window.addEventListener('pagehide', () => {
      try {
        frame.contentWindow?.dispatchEvent(new PageTransitionEvent('pagehide'));
      } catch {
        // A page of another site in the frame: nothing of ours to save.
      }
      leave();
    });
  }
  document.getElementById('course')?.replaceChildren(frame);
}

start();
