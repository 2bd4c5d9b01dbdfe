/** Session times and timestamps in each SCORM standard's format. */

const pad = (n: number, width: number) => String(n).padStart(width, '0');

/** SCORM 1.2 CMITimespan: `HHHH:MM:SS.SS` (e.g. `0000:01:05.50`), hours capped at 9999. */
export function scorm12Duration(ms: number): string {
  const centis = Math.max(0, Math.round(ms / 10));
  const hours = Math.min(9999, Math.floor(centis / 360000));
  const minutes = Math.floor((centis % 360000) / 6000);
  const seconds = Math.floor((centis % 6000) / 100);
  const hundredths = centis % 100;
  return `${pad(hours, 4)}:${pad(minutes, 2)}:${pad(seconds, 2)}.${pad(hundredths, 2)}`;
}

/** SCORM 2004 timeinterval (ISO 8601 duration): `PT1H2M5.5S`, `PT0S` for nothing. */
export function scorm2004Duration(ms: number): string {
  const centis = Math.max(0, Math.round(ms / 10));
  const hours = Math.floor(centis / 360000);
  const minutes = Math.floor((centis % 360000) / 6000);
  const seconds = (centis % 6000) / 100;
  let out = 'PT';
  if (hours) out += `${hours}H`;
  if (minutes) out += `${minutes}M`;
  if (seconds || (!hours && !minutes)) out += `${Number(seconds.toFixed(2))}S`;
  return out;
}

/** SCORM 1.2 CMITime, a time of day: `HH:MM:SS` (UTC). */
export function scorm12Time(date: Date): string {
  return `${pad(date.getUTCHours(), 2)}:${pad(date.getUTCMinutes(), 2)}:${pad(date.getUTCSeconds(), 2)}`;
}

/**
 * SCORM 2004 time, UTC: `2026-11-25T10:00:00.00Z`. The standard's format allows a time zone only
 * after fractions of a second, so they are always written.
 */
export function scorm2004Timestamp(date: Date): string {
  return `${date.toISOString().slice(0, 22)}Z`;
}
