import { MINUTES_PER_DAY, MINUTES_PER_WEEK, parseClock, WEEKDAYS } from './weekly-time.js';

const DAY_OF = new Map<string, number>(WEEKDAYS.map((d, i) => [d, i]));

export interface WindowLike {
  readonly days: readonly string[];
  readonly start: string;
  readonly end: string;
}

/**
 * Converts local weekly windows to merged UTC intervals of the reference week. A window pushed
 * across the week's edge by the offset (Monday 00:30 in Berlin is Sunday 23:30 UTC) wraps round,
 * because the pattern repeats every week. Returns flat `[start, end, start, end, …]`, sorted.
 */
export function toUtcIntervals(windows: readonly WindowLike[], offset: number): number[] {
  const raw: number[] = [];
  for (const window of windows) {
    const start = parseClock(window.start);
    const end = parseClock(window.end);
    if (start < 0 || end <= start) continue;
    for (const day of window.days) {
      const d = DAY_OF.get(day);
      if (d === undefined) continue;
      let s = d * MINUTES_PER_DAY + start - offset;
      s = ((s % MINUTES_PER_WEEK) + MINUTES_PER_WEEK) % MINUTES_PER_WEEK;
      const e = s + (end - start);
      if (e <= MINUTES_PER_WEEK) raw.push(s, e);
      else raw.push(s, MINUTES_PER_WEEK, 0, e - MINUTES_PER_WEEK);
    }
  }
  if (raw.length <= 2) return raw;
  const order = Array.from({ length: raw.length / 2 }, (_, i) => i);
  order.sort((a, b) => raw[2 * a] - raw[2 * b] || raw[2 * a + 1] - raw[2 * b + 1]);
  const merged: number[] = [];
  for (const i of order) {
    const s = raw[2 * i];
    const e = raw[2 * i + 1];
    const last = merged.length - 1;
    if (last > 0 && s <= merged[last]) merged[last] = Math.max(merged[last], e);
    else merged.push(s, e);
  }
  return merged;
}

/** Sets the bits of every slot wholly inside `[start, end)`. */
export function setSlots(
  bits: Uint32Array,
  base: number,
  start: number,
  end: number,
  slotMinutes: number,
): void {
  const first = Math.ceil(start / slotMinutes);
  const last = Math.floor(end / slotMinutes);
  for (let k = first; k < last; k++) bits[base + (k >>> 5)] |= 1 << (k & 31);
}
