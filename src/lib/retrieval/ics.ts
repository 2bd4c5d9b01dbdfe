/**
 * The 30-day check-in on the 90-day plan as an iCalendar file (RFC 5545): one all-day VEVENT.
 * Pure. Text values are escaped (backslash, semicolon, comma, newline) and lines folded at 75 octets
 * of UTF-8, never inside a character; lines end with CRLF.
 */
import type { ActionPlan } from '../progress/types';

/** Days after the plan (or today) the check-in falls. */
export const CHECK_IN_DAYS = 30;

/** Escapes a TEXT value (RFC 5545 §3.3.11). */
export function escapeText(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r\n|\r|\n/g, '\\n');
}

const octets = (ch: string) => new TextEncoder().encode(ch).length;

/** Folds a content line: at most 75 octets a line, continuation lines starting with one space (§3.1). */
export function foldLine(line: string): string {
  const out: string[] = [];
  let current = '';
  let size = 0;
  for (const ch of line) {
    const n = octets(ch);
    // The first line holds 75 octets; a continuation holds 74 after its leading space.
    if (size + n > (out.length ? 74 : 75)) {
      out.push(current);
      current = '';
      size = 0;
    }
    current += ch;
    size += n;
  }
  out.push(current);
  return out.join('\r\n ');
}

/** YYYY-MM-DD plus `days` (calendar days, in UTC so no time zone moves the date). */
export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, (d ?? 1) + days)).toISOString().slice(0, 10);
}

/** `2026-12-03` → `20261203`; an ISO time → `20261203T163000Z` (UTC). */
export const icsDate = (date: string) => date.slice(0, 10).replace(/-/g, '');
export const icsStamp = (iso: string) => new Date(iso).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');

export interface CheckInOptions {
  plan: Omit<ActionPlan, 'at'> & { at?: string };
  courseTitle: string;
  /** The current time, ISO 8601. */
  now: string;
  /** Host part of the UID, e.g. the site's host. */
  domain?: string;
}

/** The check-in date: 30 days after the day the plan was saved, or after today. */
export function checkInDate(plan: { at?: string }, now: string): string {
  return addDays((plan.at ?? now).slice(0, 10), CHECK_IN_DAYS);
}

/** The .ics text of the 30-day check-in. */
export function checkInCalendar({ plan, courseTitle, now, domain = 'leading-together' }: CheckInOptions): string {
  const start = checkInDate(plan, now);
  const measures = plan.measures.map((m) => m.trim()).filter(Boolean);
  const description = [
    `30-day check-in on my 90-day experiment (${courseTitle}).`,
    `Decision to redistribute: ${plan.decision.trim() || '(not written yet)'}`,
    `Mechanism: ${plan.mechanism.trim() || '(not chosen yet)'}`,
    `Owner: ${plan.owner.trim() || '(not named yet)'}`,
    `Measures: ${measures.length ? measures.join('; ') : '(none yet)'}`,
    plan.checkIn ? `90-day check-in: ${plan.checkIn}` : '',
    'Ask: what have the measures shown so far, and what will we change?',
  ].filter(Boolean).join('\n');
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Leading Together//Course//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    'BEGIN:VEVENT',
    `UID:${icsStamp(now)}-check-in@${domain}`,
    `DTSTAMP:${icsStamp(now)}`,
    `DTSTART;VALUE=DATE:${icsDate(start)}`,
    `DTEND;VALUE=DATE:${icsDate(addDays(start, 1))}`,
    `SUMMARY:${escapeText(`30-day check-in: ${plan.decision.trim() || 'my 90-day experiment'}`)}`,
    `DESCRIPTION:${escapeText(description)}`,
    'TRANSP:TRANSPARENT',
    'END:VEVENT',
    'END:VCALENDAR',
  ];
  return lines.map(foldLine).join('\r\n') + '\r\n';
}

/** `leading-together-30-day-check-in-2027-01-02.ics` */
export function checkInFileName(plan: { at?: string }, now: string): string {
  return `leading-together-30-day-check-in-${checkInDate(plan, now)}.ics`;
}
