/**
 * The two SCORM run-time APIs a course can find, and the standard walk that finds them: up the
 * `parent` chain, then the opener's. Every read of another window is guarded, since a frame from
 * another origin throws a SecurityError when touched.
 */

/** SCORM 1.2: `window.API`. Every call answers a string; "true"/"false" for the actions. */
export interface Scorm12Api {
  LMSInitialize(arg: ''): string;
  LMSFinish(arg: ''): string;
  LMSGetValue(element: string): string;
  LMSSetValue(element: string, value: string): string;
  LMSCommit(arg: ''): string;
  LMSGetLastError(): string;
  LMSGetErrorString(code: string): string;
  LMSGetDiagnostic(code: string): string;
}

/** SCORM 2004: `window.API_1484_11`. */
export interface Scorm2004Api {
  Initialize(arg: ''): string;
  Terminate(arg: ''): string;
  GetValue(element: string): string;
  SetValue(element: string, value: string): string;
  Commit(arg: ''): string;
  GetLastError(): string;
  GetErrorString(code: string): string;
  GetDiagnostic(code: string): string;
}

export type Standard = '1.2' | '2004';

/** One API behind the same five calls, whatever the standard. */
export interface LmsApi {
  readonly standard: Standard;
  initialize(): boolean;
  finish(): boolean;
  get(element: string): string;
  set(element: string, value: string): boolean;
  commit(): boolean;
  /** The last error as a code and its text, e.g. `301 Not initialized`. */
  lastError(): { code: string; text: string };
}

/** What the walk needs of a window. */
export interface WindowLike {
  readonly parent?: WindowLike | null;
  readonly opener?: WindowLike | null;
}

/** How many parents to climb: pipwerks uses 500; real LMS frame stacks are a handful deep. */
const MAX_DEPTH = 50;

function read<T>(win: WindowLike, name: 'API' | 'API_1484_11'): T | undefined {
  try {
    const api = (win as Record<string, unknown>)[name];
    return api && typeof api === 'object' ? (api as T) : undefined;
  } catch {
    return undefined;
  }
}

function step(win: WindowLike, key: 'parent' | 'opener'): WindowLike | undefined {
  try {
    const next = win[key];
    return next && next !== win ? next : undefined;
  } catch {
    return undefined;
  }
}

function climb<T>(start: WindowLike, name: 'API' | 'API_1484_11', valid: (api: T) => boolean): T | undefined {
  let win: WindowLike | undefined = start;
  for (let depth = 0; win && depth <= MAX_DEPTH; depth++) {
    const api = read<T>(win, name);
    if (api && valid(api)) return api;
    win = step(win, 'parent');
  }
  return undefined;
}

function search<T>(start: WindowLike, name: 'API' | 'API_1484_11', valid: (api: T) => boolean): T | undefined {
  const found = climb(start, name, valid);
  if (found) return found;
  // The opener's chain: a course the LMS opened in a new window. The opener belongs to the top
  // window, or to the highest window this one can reach.
  const chain: WindowLike[] = [start];
  for (let depth = 0; depth <= MAX_DEPTH; depth++) {
    const up = step(chain.at(-1)!, 'parent');
    if (!up) break;
    chain.push(up);
  }
  for (const win of chain.reverse()) {
    const opener = step(win, 'opener');
    if (opener) return climb(opener, name, valid);
  }
  return undefined;
}

const has = (api: object, names: string[]) => names.every((n) => typeof (api as Record<string, unknown>)[n] === 'function');

/** SCORM 2004 first, then 1.2; undefined when neither is reachable. */
export function findApi(start: WindowLike): LmsApi | undefined {
  const api2004 = search<Scorm2004Api>(start, 'API_1484_11', (a) => has(a, ['Initialize', 'GetValue', 'SetValue', 'Commit', 'Terminate']));
  if (api2004) return wrap2004(api2004);
  const api12 = search<Scorm12Api>(start, 'API', (a) => has(a, ['LMSInitialize', 'LMSGetValue', 'LMSSetValue', 'LMSCommit', 'LMSFinish']));
  return api12 ? wrap12(api12) : undefined;
}

const ok = (answer: unknown) => String(answer) === 'true';

/** Calls into the LMS are guarded too: an LMS script that throws answers "false". */
function safely<T>(call: () => T, fallback: T): T {
  try {
    return call();
  } catch {
    return fallback;
  }
}

/** The two APIs' names for the same calls. */
const CALLS = {
  '1.2': { initialize: 'LMSInitialize', finish: 'LMSFinish', get: 'LMSGetValue', set: 'LMSSetValue', commit: 'LMSCommit', error: 'LMSGetLastError', errorText: 'LMSGetErrorString' },
  '2004': { initialize: 'Initialize', finish: 'Terminate', get: 'GetValue', set: 'SetValue', commit: 'Commit', error: 'GetLastError', errorText: 'GetErrorString' },
} as const;

function wrap(standard: Standard, api: Scorm12Api | Scorm2004Api): LmsApi {
  const names = CALLS[standard];
  const call = (name: string, ...args: string[]) => String((api as unknown as Record<string, (...a: string[]) => unknown>)[name]!(...args) ?? '');
  return {
    standard,
    initialize: () => safely(() => ok(call(names.initialize, '')), false),
    finish: () => safely(() => ok(call(names.finish, '')), false),
    get: (element) => safely(() => call(names.get, element), ''),
    set: (element, value) => safely(() => ok(call(names.set, element, value)), false),
    commit: () => safely(() => ok(call(names.commit, '')), false),
    lastError: () => safely(() => {
      const code = call(names.error);
      return { code, text: call(names.errorText, code) };
    }, { code: '101', text: 'The LMS threw an error' }),
  };
}

export const wrap12 = (api: Scorm12Api): LmsApi => wrap('1.2', api);
export const wrap2004 = (api: Scorm2004Api): LmsApi => wrap('2004', api);
