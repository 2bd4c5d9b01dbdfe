/**
 * The workshop timer: the agenda with the current segment highlighted, its remaining time as mm:ss
 * (updated every second), and start, pause/resume, next segment and reset. A screen reader hears
 * the time once a minute and at zero, not every second. An optional beep (WebAudio, off unless
 * the facilitator turns it on) marks the end of a segment. The state is in `$workshopTimer`, as
 * timestamps, so a reload finds the timer where it was. Timing lives in lib/workshop/timer.
 */
import { useStore } from '@nanostores/preact';
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { formatClock, formatOffset, initialTimer, remainingMs, schedule, segmentIndex, spokenRemaining } from '../lib/workshop/timer';
import { useConfirmationFocus } from './parts/focus';
import {
  $workshopTimer,
  nextWorkshopSegment,
  pauseWorkshopTimer,
  resetWorkshopTimer,
  resumeWorkshopTimer,
  setWorkshopSound,
  startWorkshopTimer,
} from '../stores/workshop';

export interface WorkshopTimerProps {
  title: string;
  segments: { title: string; minutes: number; activity?: string | undefined }[];
}

const serverTimer = initialTimer();

/** One audio context for the page, made on the facilitator's gesture so that the browser lets it play. */
let audio: AudioContext | undefined;

function unlockAudio(): AudioContext | undefined {
  try {
    audio ??= new AudioContext();
    if (audio.state === 'suspended') void audio.resume();
    return audio;
  } catch {
    return undefined;
  }
}

/** A short, soft beep: 0.6 s at 880 Hz, fading out. */
function beep(): void {
  const context = unlockAudio();
  if (!context) return;
  try {
    const oscillator = context.createOscillator();
    const gain = context.createGain();
    const t = context.currentTime;
    oscillator.frequency.value = 880;
    gain.gain.setValueAtTime(0.0001, t);
    gain.gain.exponentialRampToValueAtTime(0.25, t + 0.02);
    gain.gain.exponentialRampToValueAtTime(0.0001, t + 0.6);
    oscillator.connect(gain).connect(context.destination);
    oscillator.start(t);
    oscillator.stop(t + 0.65);
  } catch {
    // No sound is better than a broken timer.
  }
}

export default function WorkshopTimer({ title, segments }: WorkshopTimerProps) {
  const timer = useStore($workshopTimer, { ssr: () => serverTimer });
  const [now, setNow] = useState(() => Date.now());
  const [confirming, setConfirming] = useState(false);
  const resetButton = useRef<HTMLButtonElement>(null);
  const cancelButton = useRef<HTMLButtonElement>(null);

  // While running, the display follows the clock: a tick is due each time the shown second
  // changes (computed from the clock, so a late tick never drifts). Scheduled as soon as the
  // state is rendered, not after the next frame.
  useLayoutEffect(() => {
    setNow(Date.now());
    if (timer.status !== 'running') return;
    let id: ReturnType<typeof setTimeout> | undefined;
    const tick = () => {
      const t = Date.now();
      setNow(t);
      const left = remainingMs(timer, segments, t);
      id = setTimeout(tick, left > 0 ? left % 1000 || 1000 : 1000);
    };
    tick();
    return () => clearTimeout(id);
  }, [timer.status, timer.since, timer.elapsed, timer.segment]);

  useConfirmationFocus(confirming, cancelButton, resetButton);

  const index = segmentIndex(timer, segments);
  const segment = segments[index];
  const remaining = remainingMs(timer, segments, now);
  const up = remaining === 0;
  const last = index >= segments.length - 1;

  // The beep: once, when this page sees the time run out (not on a reload after it ran out).
  const previous = useRef<number | undefined>(undefined);
  useEffect(() => {
    const before = previous.current;
    previous.current = remaining;
    if (timer.sound && timer.status === 'running' && before !== undefined && before > 0 && remaining === 0) beep();
  }, [remaining]);
  useEffect(() => {
    previous.current = undefined;
  }, [index]);

  if (!segment) return <p>The agenda has no segments.</p>;

  const status = timer.status === 'ready' ? 'Not started' : up ? 'Time is up' : timer.status === 'running' ? 'Running' : 'Paused';
  const toggle = () => {
    if (timer.sound) unlockAudio();
    if (timer.status === 'ready') startWorkshopTimer();
    else if (timer.status === 'running') pauseWorkshopTimer();
    else resumeWorkshopTimer();
  };

  return (
    <div class="projector workshop-timer">
      <section class={`workshop-timer__current${up && timer.status !== 'ready' ? ' is-up' : ''}`} aria-labelledby="wt-current">
        <p class="projector__kicker">Segment {index + 1} of {segments.length}</p>
        <h2 id="wt-current">{segment.title}</h2>
        {segment.activity && <p>{segment.activity}</p>}
        <p class="workshop-timer__clock" role="timer" aria-labelledby="wt-current">{formatClock(remaining)}</p>
        <p class="workshop-timer__status"><span class="sr-only">Status: </span>{status}</p>
        <p class="sr-only" aria-live="polite" aria-atomic="true">{spokenRemaining(remaining, segment.title)}</p>
        <div class="actions">
          <button type="button" class="button" onClick={toggle}>
            {timer.status === 'ready' ? 'Start' : timer.status === 'running' ? 'Pause' : 'Resume'}
          </button>
          <button type="button" class="button button--secondary" disabled={last} aria-describedby={last ? 'wt-last' : undefined} onClick={() => nextWorkshopSegment(segments)}>
            Next segment
          </button>
          {confirming ? (
            <span class="actions" role="group" aria-labelledby="wt-confirm">
              <span id="wt-confirm"><strong>Go back to the start of the agenda?</strong></span>
              <button
                type="button"
                class="button button--danger"
                onClick={() => {
                  resetWorkshopTimer();
                  setConfirming(false);
                }}
              >
                Yes, reset the timer
              </button>
              <button ref={cancelButton} type="button" class="button button--secondary" onClick={() => setConfirming(false)}>Cancel</button>
            </span>
          ) : (
            <button ref={resetButton} type="button" class="button button--danger" onClick={() => setConfirming(true)}>Reset…</button>
          )}
        </div>
        {last && <p id="wt-last" class="muted">This is the last segment.</p>}
        <p class="workshop-timer__sound">
          <input
            id="wt-sound"
            type="checkbox"
            checked={timer.sound}
            onChange={(e) => {
              const on = e.currentTarget.checked;
              if (on) unlockAudio();
              setWorkshopSound(on);
            }}
          />
          <label for="wt-sound">Play a short sound when a segment’s time is up</label>
        </p>
      </section>

      <section aria-labelledby="wt-agenda">
        <h2 id="wt-agenda">{title}</h2>
        <ol class="workshop-timer__agenda">
          {schedule(segments).map((s, i) => (
            <li key={`${i}-${s.title}`} class={i === index ? 'is-current' : i < index ? 'is-done' : undefined} aria-current={i === index ? 'step' : undefined}>
              <span class="workshop-timer__when">{formatOffset(s.start)}–{formatOffset(s.end)}</span>{' '}
              <strong>{s.title}</strong> ({s.minutes} min){i === index && <strong class="projector__badge">Now</strong>}
            </li>
          ))}
        </ol>
      </section>
    </div>
  );
}
