import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { MatchResult } from '../../src/index.js';
import {
  matchOneToOne,
  normalizeCohort,
  parseParticipants,
  parseProgram,
} from '../../src/index.js';
import { renderHtmlReport } from '../../src/report/render-html-report.js';
import { generateParticipantRecords, SAMPLE_PROGRAM } from '../_support/profiles.js';
import { numRuns } from '../_support/runs.js';

const program = parseProgram(SAMPLE_PROGRAM);
const result = matchOneToOne(
  normalizeCohort(parseParticipants(generateParticipantRecords(60, 7), program), program),
  program,
);

describe('renderHtmlReport', () => {
  it('renderHtmlReport(result) is one self-contained document: no script, no external resource', () => {
    const html = renderHtmlReport(result);
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).not.toMatch(/<script|<link|src=|@import|url\(/i);
    expect(html.match(/https?:\/\/[^"\s]*/g)).toEqual(['http://www.w3.org/2000/svg']);
  });

  it('renderHtmlReport(result) shows every pair, every unmatched person with the reason, and the chart', () => {
    const html = renderHtmlReport(result);
    expect(html).toContain(`<h2>Pairs (${result.pairs.length})</h2>`);
    expect(html).toContain(`<h2>Unmatched (${result.unmatched.length})</h2>`);
    expect(
      html.match(/<tr><td>[^<]*<\/td><td>[^<]*<\/td><td class="num"><span class="meter">/g),
    ).toHaveLength(result.pairs.length);
    for (const person of result.unmatched)
      expect(html).toContain(`<td>${person.participantId}</td>`);
    expect(html).toContain('<svg');
    const bars = html.match(/<rect /g) ?? [];
    expect(bars).toHaveLength(10);
  });

  it('renderHtmlReport says how a top-k result was computed and what pricing proved, and nothing of it for a dense one', () => {
    expect(renderHtmlReport(result)).not.toContain('top-k:');
    const cohort = normalizeCohort(
      parseParticipants(generateParticipantRecords(60, 7), program),
      program,
    );
    const priced = matchOneToOne(cohort, {
      ...SAMPLE_PROGRAM,
      matching: { ...SAMPLE_PROGRAM.matching, denseLimit: 0, candidates: 2, pricing: 50 },
    });
    const html = renderHtmlReport(priced);
    expect(html).toContain(
      `<p class="sub">top-k: the 2 best partners of each participant, ${priced.scale?.edges} candidate pairs (${priced.scale?.cells} cells, above the dense limit of 0).</p>`,
    );
    expect(html).toContain('; the result is optimal for the whole cohort.</p>');
  });

  it('renderHtmlReport is deterministic and honours the title and subtitle', () => {
    const a = renderHtmlReport(result, { title: 'Spring', subtitle: 'run 3' });
    expect(renderHtmlReport(result, { title: 'Spring', subtitle: 'run 3' })).toBe(a);
    expect(a).toContain('<title>Spring</title>');
    expect(a).toContain('run 3 · one-to-one');
  });

  it('renderHtmlReport escapes every participant value (ids are untrusted)', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom('<', '>', '&', '"', "'", 'a', '/') }),
        (raw) => {
          // Markers make the value findable; the escaped form must be there, the raw one not.
          const id = `§${raw}§`;
          const escaped = id
            .replaceAll('&', '&amp;')
            .replaceAll('<', '&lt;')
            .replaceAll('>', '&gt;')
            .replaceAll('"', '&quot;')
            .replaceAll("'", '&#39;');
          const evil: MatchResult = {
            ...result,
            pairs: [
              {
                mentorId: id,
                menteeId: `${id}<script>`,
                score: 0.5,
                explanation: {
                  summary: id,
                  contributions: [
                    { scorer: id, share: 1, score: 0.5, contribution: 0.5, reason: id },
                  ],
                },
              },
            ],
            unmatched: [],
          };
          const html = renderHtmlReport(evil);
          expect(html).not.toMatch(/<script/);
          expect(html).toContain(`<td>${escaped}</td>`);
          if (/[<>&"']/.test(raw)) expect(html).not.toContain(id);
        },
      ),
      { numRuns: numRuns(100) },
    );
  });

  it('renderHtmlReport shows the coverage a mode reports and says so when no pair was made', () => {
    const empty: MatchResult = {
      ...result,
      pairs: [],
      stats: {
        ...result.stats,
        matched: 0,
        scores: null,
        wantedCoverage: 0.42,
      } as MatchResult['stats'],
    };
    const html = renderHtmlReport(empty);
    expect(html).toContain('No pairs were formed.');
    expect(html).toContain('<td>wanted coverage</td>');
    expect(html).toContain('42%');
  });

  it('renderHtmlReport lists groups when a mode forms them', () => {
    const grouped = {
      ...result,
      groups: [
        {
          id: 'group-1',
          mentorId: 'm1',
          memberIds: ['a', 'b'],
          score: 0.7,
          explanation: { summary: 'good fit' },
        },
      ],
    } as unknown as MatchResult;
    const html = renderHtmlReport(grouped);
    expect(html).toContain('<h2>Groups (1)</h2>');
    expect(html).toContain('<td>a, b</td>');
  });
});
