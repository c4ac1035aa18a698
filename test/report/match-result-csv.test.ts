import { describe, expect, it } from 'vitest';
import type { MatchResult } from '../../src/index.js';
import { parseCsvRows } from '../../src/node/csv-rows.js';
import { MATCH_RESULT_CSV_COLUMNS, matchResultToCsv } from '../../src/report/match-result-csv.js';

const result: MatchResult = {
  mode: 'one-to-one',
  objective: 'coverage',
  minScore: 0,
  pairs: [
    {
      mentorId: 'a,b',
      menteeId: 'say "hi"',
      score: 0.83125,
      explanation: { summary: 'line one\nline two', contributions: [] },
    },
  ],
  unmatched: [
    {
      participantId: 'm1',
      role: 'mentor',
      code: 'NO_ALLOWED_PARTNER',
      message: 'nobody, sorry',
      allowedPartners: 0,
      suitablePartners: 0,
      excludedBy: [],
    },
  ],
  stats: {
    matched: 1,
    mentors: 2,
    mentees: 1,
    unmatchedMentors: 1,
    unmatchedMentees: 0,
    totalScore: 0.83125,
    scores: null,
    seats: { total: 2, used: 1 },
  },
};

describe('matchResultToCsv', () => {
  it('matchResultToCsv(result) quotes cells so a CSV reader gets every value back', () => {
    const { rows, problems } = parseCsvRows(matchResultToCsv(result));
    expect(problems).toEqual([]);
    expect(rows.map((r) => r.cells)).toEqual([
      [...MATCH_RESULT_CSV_COLUMNS],
      ['matched', 'a,b', 'say "hi"', '0.8313', '', 'line one\nline two'],
      ['unmatched', 'm1', '', '', 'NO_ALLOWED_PARTNER', 'nobody, sorry'],
    ]);
  });
});
