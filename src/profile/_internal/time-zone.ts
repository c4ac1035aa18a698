/**
 * Time-zone arithmetic with `Intl` only: peermatch ships no time-zone database, it uses the one
 * in the JavaScript engine (browsers, Node, Deno and Bun all carry ICU's copy of IANA tzdata).
 */

/** The canonical spelling of an IANA zone (`europe/berlin` → `Europe/Berlin`), or undefined. */
export function canonicalTimeZone(name: string): string | undefined {
  if (name.length === 0 || name.length > 64) return undefined;
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone: name }).resolvedOptions().timeZone;
  } catch {
    return undefined;
  }
}

/** Offset of `timeZone` from UTC in minutes (east positive) at the instant `utcMs`. */
export function offsetAt(timeZone: string, utcMs: number): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  }).formatToParts(new Date(utcMs));
  let year = 0;
  let month = 0;
  let day = 0;
  let hour = 0;
  let minute = 0;
  let second = 0;
  for (const part of parts) {
    const value = Number(part.value);
    if (part.type === 'year') year = value;
    else if (part.type === 'month') month = value;
    else if (part.type === 'day') day = value;
    else if (part.type === 'hour') hour = value;
    else if (part.type === 'minute') minute = value;
    else if (part.type === 'second') second = value;
  }
  const local = Date.UTC(year, month - 1, day, hour, minute, second);
  return Math.round((local - Math.floor(utcMs / 1000) * 1000) / 60000);
}

/**
 * Offset in force at local noon of `isoDate` in `timeZone`. Noon, because no zone changes its
 * clocks at noon, so the answer is the offset that governs that day's meetings.
 */
export function offsetOnDate(timeZone: string, isoDate: string): number {
  const [y, m, d] = isoDate.split('-').map(Number);
  const utcNoon = Date.UTC(y, m - 1, d, 12);
  const guess = offsetAt(timeZone, utcNoon);
  return offsetAt(timeZone, utcNoon - guess * 60000);
}
