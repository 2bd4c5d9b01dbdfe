/**
 * The facilitator's timer over the workshop agenda: which segment is on, and how much of it has
 * run. Pure: every function that depends on time takes `now` (epoch milliseconds), so the same
 * calls always give the same state and tests need no clock. The state stores when the current
 * stretch of running began, never a countdown, so a reload (or a sleeping laptop) loses nothing.
 */

/** What the timer needs of a segment (`content/workshop.yaml`). */
export interface TimedSegment {
  title: string;
  minutes: number;
}

/** Version of the stored timer shape. */
export const TIMER_VERSION = 1;

export type TimerStatus = 'ready' | 'running' | 'paused';

export interface TimerState {
  version: typeof TIMER_VERSION;
  /** Index of the current segment in the agenda. */
  segment: number;
  status: TimerStatus;
  /** Milliseconds of the current segment counted before `since`. */
  elapsed: number;
  /** When the current stretch of running began (epoch ms); only while running. */
  since?: number;
  /** Play a short sound when a segment's time is up. Off unless the facilitator turns it on. */
  sound: boolean;
}

const MINUTE = 60_000;

export function initialTimer(): TimerState {
  return { version: TIMER_VERSION, segment: 0, status: 'ready', elapsed: 0, sound: false };
}

/** Milliseconds the current segment has run. A clock that went backwards counts as no time. */
export function elapsedMs(state: TimerState, now: number): number {
  const running = state.status === 'running' && state.since !== undefined ? Math.max(0, now - state.since) : 0;
  return state.elapsed + running;
}

/** The segment on now; the index is kept within the agenda (it may have become shorter). */
export function segmentIndex(state: TimerState, segments: readonly TimedSegment[]): number {
  return Math.min(Math.max(0, state.segment), Math.max(0, segments.length - 1));
}

/** Milliseconds left in the current segment, never below zero. */
export function remainingMs(state: TimerState, segments: readonly TimedSegment[], now: number): number {
  const segment = segments[segmentIndex(state, segments)];
  if (!segment) return 0;
  return Math.max(0, segment.minutes * MINUTE - elapsedMs(state, now));
}

export function isTimeUp(state: TimerState, segments: readonly TimedSegment[], now: number): boolean {
  return segments.length > 0 && remainingMs(state, segments, now) === 0;
}

/** Starts the current segment's countdown (from ready). */
export function startTimer(state: TimerState, now: number): TimerState {
  if (state.status !== 'ready') return state;
  return { ...state, status: 'running', since: now };
}

export function pauseTimer(state: TimerState, now: number): TimerState {
  if (state.status !== 'running') return state;
  const { since: _since, ...rest } = state;
  return { ...rest, status: 'paused', elapsed: elapsedMs(state, now) };
}

export function resumeTimer(state: TimerState, now: number): TimerState {
  if (state.status !== 'paused') return state;
  return { ...state, status: 'running', since: now };
}

/**
 * Moves to the next segment, from its start. A running timer keeps running (the workshop goes
 * on); a paused or ready one waits to be started. The last segment has no next: nothing changes.
 */
export function nextSegment(state: TimerState, segments: readonly TimedSegment[], now: number): TimerState {
  const index = segmentIndex(state, segments);
  if (index >= segments.length - 1) return state;
  const { since: _since, ...rest } = state;
  return state.status === 'running'
    ? { ...rest, segment: index + 1, status: 'running', elapsed: 0, since: now }
    : { ...rest, segment: index + 1, status: 'ready', elapsed: 0 };
}

/** Back to the first segment, not started. The sound setting is the facilitator's: it stays. */
export function resetTimer(state: TimerState): TimerState {
  return { ...initialTimer(), sound: state.sound };
}

export function setSound(state: TimerState, sound: boolean): TimerState {
  return { ...state, sound };
}

/** mm:ss, rounding up, so that a segment starts at 15:00 and shows 00:00 only when time is up. */
export function formatClock(ms: number): string {
  const seconds = Math.max(0, Math.ceil(ms / 1000));
  return `${String(Math.floor(seconds / 60)).padStart(2, '0')}:${String(seconds % 60).padStart(2, '0')}`;
}

/**
 * What the timer says to a screen reader. The text changes only at each whole minute and at zero,
 * so a polite live region that shows it speaks once a minute, not every second.
 */
export function spokenRemaining(ms: number, title: string): string {
  const seconds = Math.max(0, Math.ceil(ms / 1000));
  if (seconds === 0) return `Time is up for ${title}.`;
  const minutes = Math.ceil(seconds / 60);
  return `${minutes} ${minutes === 1 ? 'minute' : 'minutes'} left in ${title}.`;
}

/** Clock time from the workshop's start, `h:mm` (`1:05`), as the agenda in the brief writes it. */
export function formatOffset(minutes: number): string {
  return `${Math.floor(minutes / 60)}:${String(minutes % 60).padStart(2, '0')}`;
}

/** Each segment with its start and end from the workshop's start, in minutes. */
export function schedule<S extends TimedSegment>(segments: readonly S[]): (S & { start: number; end: number })[] {
  let at = 0;
  return segments.map((s) => {
    const item = { ...s, start: at, end: at + s.minutes };
    at += s.minutes;
    return item;
  });
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function encodeTimer(state: TimerState): string {
  return JSON.stringify(state);
}

/**
 * Reads a stored timer. Never throws: nothing stored, or anything that is not a timer of this
 * version, gives a fresh timer (with a problem, when something was there but unreadable).
 */
export function decodeTimer(raw: string | null | undefined): { state: TimerState; problem?: string } {
  if (raw === null || raw === undefined || raw === '') return { state: initialTimer() };
  const fresh = { state: initialTimer(), problem: 'The saved workshop timer could not be read; it starts afresh.' };
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    return fresh;
  }
  if (!isRecord(data) || data['version'] !== TIMER_VERSION) return fresh;
  const { segment, status, elapsed, since, sound } = data;
  const count = (n: unknown): n is number => typeof n === 'number' && Number.isFinite(n) && n >= 0;
  if (!count(segment) || !Number.isInteger(segment) || segment > 1000 || !count(elapsed) || typeof sound !== 'boolean') return fresh;
  if (status === 'running') {
    if (!count(since)) return fresh;
    return { state: { version: TIMER_VERSION, segment, status, elapsed, since, sound } };
  }
  if (status === 'ready' || status === 'paused') return { state: { version: TIMER_VERSION, segment, status, elapsed: status === 'ready' ? 0 : elapsed, sound } };
  return fresh;
}
