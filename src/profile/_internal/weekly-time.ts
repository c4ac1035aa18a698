/** Parsing of weekly time windows such as `Mon 18:00-20:00` or `Mon-Fri 09:00-12:30`. */

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

export const MINUTES_PER_DAY = 1440;
export const MINUTES_PER_WEEK = 10080;

const DAY_NAMES: ReadonlyMap<string, number> = new Map([
  ['mon', 0],
  ['monday', 0],
  ['tue', 1],
  ['tues', 1],
  ['tuesday', 1],
  ['wed', 2],
  ['weds', 2],
  ['wednesday', 2],
  ['thu', 3],
  ['thur', 3],
  ['thurs', 3],
  ['thursday', 3],
  ['fri', 4],
  ['friday', 4],
  ['sat', 5],
  ['saturday', 5],
  ['sun', 6],
  ['sunday', 6],
]);

/** Day index (Monday = 0) of an English day name or abbreviation, or -1. */
export function dayIndex(name: string): number {
  return DAY_NAMES.get(name.trim().toLowerCase()) ?? -1;
}

const TIME = /^([01]?\d|2[0-4]):([0-5]\d)$/;

/** Minutes after midnight of `HH:MM` (`24:00` allowed, meaning end of day), or -1. */
export function parseClock(text: string): number {
  const match = TIME.exec(text.trim());
  if (match === null) return -1;
  const minutes = Number(match[1]) * 60 + Number(match[2]);
  return minutes > MINUTES_PER_DAY ? -1 : minutes;
}

/** `HH:MM` of minutes after midnight. */
export function formatClock(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return `${h < 10 ? '0' : ''}${h}:${m < 10 ? '0' : ''}${m}`;
}

/** Days named by `Mon`, `monday`, or a range `Mon-Fri` (ranges may wrap: `Sat-Mon`). */
export function parseDaySpec(spec: string): number[] | undefined {
  const parts = spec.split(/\s*[-\u2013\u2014]\s*/u);
  if (parts.length === 1) {
    const day = dayIndex(parts[0]);
    return day < 0 ? undefined : [day];
  }
  if (parts.length !== 2) return undefined;
  const from = dayIndex(parts[0]);
  const to = dayIndex(parts[1]);
  if (from < 0 || to < 0) return undefined;
  const days: number[] = [];
  for (let d = from; ; d = (d + 1) % 7) {
    days.push(d);
    if (d === to) break;
  }
  return days;
}

export interface ParsedWindow {
  readonly days: number[];
  readonly start: number;
  readonly end: number;
}

export type WindowProblem =
  | { readonly code: 'INVALID_WINDOW'; readonly message: string }
  | { readonly code: 'WINDOW_ENDS_BEFORE_START'; readonly message: string };

// Days (a name, a range, or a comma list), then a time range; dashes of every width because
// forms and word processors replace `-` with `–`.
const WINDOW = /^\s*(.+?)\s+(\d{1,2}:\d{2})\s*(?:-|\u2013|\u2014|to)\s*(\d{1,2}:\d{2})\s*$/iu;

/** Parses `Mon 18:00-20:00`, `Mon-Fri 09:00-12:00` or `Tue, Thu 07:30-08:15`. */
export function parseWindowText(text: string): ParsedWindow | WindowProblem {
  const match = WINDOW.exec(text);
  if (match === null) {
    return {
      code: 'INVALID_WINDOW',
      message: 'must look like "Mon 18:00-20:00" or "Mon-Fri 09:00-12:00"',
    };
  }
  const days = new Set<number>();
  for (const spec of match[1].split(/\s*,\s*/u)) {
    const parsed = parseDaySpec(spec);
    if (parsed === undefined) {
      return {
        code: 'INVALID_WINDOW',
        message: `has an unknown day ${JSON.stringify(spec)} (use Mon, Tue, … Sun)`,
      };
    }
    for (const day of parsed) days.add(day);
  }
  return checkTimes(
    [...days].sort((a, b) => a - b),
    match[2],
    match[3],
  );
}

/** Checks a start and end time of a window once its days are known. */
export function checkTimes(
  days: number[],
  startText: string,
  endText: string,
): ParsedWindow | WindowProblem {
  const start = parseClock(startText);
  const end = parseClock(endText);
  if (start < 0 || start === MINUTES_PER_DAY) {
    return {
      code: 'INVALID_WINDOW',
      message: `has an invalid start time ${JSON.stringify(startText)}`,
    };
  }
  if (end < 0) {
    return {
      code: 'INVALID_WINDOW',
      message: `has an invalid end time ${JSON.stringify(endText)}`,
    };
  }
  if (end <= start) {
    return {
      code: 'WINDOW_ENDS_BEFORE_START',
      message: `ends at ${formatClock(end)}, not after it starts at ${formatClock(start)} (split a window that crosses midnight in two)`,
    };
  }
  return { days, start, end };
}
