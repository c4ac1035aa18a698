import { describe, expect, it } from 'vitest';
import { pair } from './_support/pair.js';

describe('scheduleScorer', () => {
  it('scheduleScorer.score(a, b) with 60 shared minutes of the 120 a fortnightly cadence needs is 0.5', () => {
    const a = { cadence: 'fortnightly', availability: { windows: ['Mon 09:00-10:00'] } };
    const b = { cadence: 'fortnightly', availability: { windows: ['Mon 09:00-11:00'] } };
    const r = pair('schedule', a, b);
    expect(r.score).toBe(0.5);
    expect(r.reason).toBe('60 shared minutes a week of the 120 that meeting fortnightly calls for');
  });

  it('scheduleScorer.explain(a, b) without cadences measures the overlap against one session', () => {
    const a = { availability: { windows: ['Mon 09:00-10:00'] } };
    const b = { availability: { windows: ['Mon 09:00-11:00'] } };
    const r = pair('schedule', a, b);
    expect(r.reason).toMatch(/^60 shared minutes a week of the \d+ that a session needs$/);
  });

  it('scheduleScorer.explain(a, b) is neutral, and names the field, when a withheld availability', () => {
    const r = pair(
      'schedule',
      { consent: ['skills'], availability: { windows: ['Mon 09:00-10:00'] } },
      { availability: { windows: ['Mon 09:00-10:00'] } },
    );
    expect(r.score).toBe(0.5);
    expect(r.missing).toEqual([{ participantId: 'a', field: 'availability', withheld: true }]);
  });
});
