import type { MatchedPair, MatchResult, UnmatchedParticipant } from '../modes/match-result.js';
import { describeScale } from './_internal/describe-scale.js';
import { escapeHtml, fixed2, percent } from './_internal/html.js';
import { scoreHistogramSvg } from './_internal/score-histogram.js';

/** Options of {@link renderHtmlReport}. */
export interface HtmlReportOptions {
  /**
   * The page title and heading.
   * @default 'peermatch report'
   */
  readonly title?: string;
  /**
   * A line under the heading, e.g. the program name and the date it was run. The renderer adds
   * no date of its own, so the same result always gives the same page.
   * @default ''
   */
  readonly subtitle?: string;
}

/** The defaults of {@link HtmlReportOptions}. */
export const HTML_REPORT_DEFAULTS: Readonly<Required<HtmlReportOptions>> = Object.freeze({
  title: 'peermatch report',
  subtitle: '',
});

const STYLE = `
:root{--ink:#1d2330;--muted:#5b6475;--line:#dde1e8;--accent:#2f6fdf;--soft:#eef3fc;--warn:#b5471b}
*{box-sizing:border-box}
body{font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--ink);margin:0;background:#f7f8fa}
main{max-width:1100px;margin:0 auto;padding:28px 24px 48px}
h1{font-size:26px;margin:0 0 4px}h2{font-size:19px;margin:32px 0 10px}
.sub{color:var(--muted);margin:0 0 20px}
.cards{display:grid;grid-template-columns:repeat(auto-fit,minmax(140px,1fr));gap:12px}
.card{background:#fff;border:1px solid var(--line);border-radius:8px;padding:12px 14px}
.card b{display:block;font-size:22px}.card span{color:var(--muted);font-size:13px}
section.panel{background:#fff;border:1px solid var(--line);border-radius:8px;padding:16px}
table{border-collapse:collapse;width:100%;font-size:14px}
th,td{text-align:left;padding:7px 8px;border-bottom:1px solid var(--line);vertical-align:top}
th{font-size:12px;text-transform:uppercase;letter-spacing:.04em;color:var(--muted)}
td.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
.meter{display:inline-block;width:60px;height:8px;background:var(--soft);border-radius:4px;margin-right:6px;vertical-align:middle;overflow:hidden}
.meter i{display:block;height:100%;background:var(--accent)}
details summary{cursor:pointer;color:var(--accent)}
details table{margin-top:6px;font-size:13px}
code{font:12px ui-monospace,SFMono-Regular,Menlo,monospace;background:var(--soft);padding:1px 5px;border-radius:4px}
.code-warn{background:#fbe9e2;color:var(--warn)}
.empty{color:var(--muted);font-style:italic}
svg .bar{fill:var(--accent)}svg .grid{stroke:var(--line)}svg .axis{stroke:var(--muted)}
svg .median{stroke:var(--warn);stroke-dasharray:4 3}svg text{font:11px system-ui,sans-serif;fill:var(--muted)}
svg .count{fill:var(--ink)}svg .label{font-size:12px}
footer{margin-top:32px;color:var(--muted);font-size:12px}
`;

function card(value: string, label: string): string {
  return `<div class="card"><b>${escapeHtml(value)}</b><span>${escapeHtml(label)}</span></div>`;
}

function meter(score: number, label = fixed2(score)): string {
  const width = Math.max(0, Math.min(100, score * 100)).toFixed(0);
  return `<span class="meter"><i style="width:${width}%"></i></span>${label}`;
}

/** A pair summary without its `a → b: 83%` head, which the row's own columns already show. */
function reasons(summary: string): string {
  const inner = /\((.*)\)\s*$/.exec(summary);
  return inner ? inner[1] : summary;
}

function pairRow(pair: MatchedPair): string {
  const contributions = pair.explanation.contributions
    .map(
      (c) =>
        `<tr><td>${escapeHtml(c.scorer)}</td><td class="num">${percent(c.share)}</td><td class="num">${fixed2(c.score)}</td><td class="num">${fixed2(c.contribution)}</td><td>${escapeHtml(c.reason)}</td></tr>`,
    )
    .join('');
  const details =
    contributions === ''
      ? ''
      : `<details><summary>every scorer</summary><table><thead><tr><th>scorer</th><th>weight</th><th>score</th><th>adds</th><th>reason</th></tr></thead><tbody>${contributions}</tbody></table></details>`;
  return `<tr><td>${escapeHtml(pair.mentorId)}</td><td>${escapeHtml(pair.menteeId)}</td><td class="num">${meter(pair.score)}</td><td>${escapeHtml(reasons(pair.explanation.summary))}${details}</td></tr>`;
}

function unmatchedRow(person: UnmatchedParticipant): string {
  const rules = person.excludedBy.map((r) => `${escapeHtml(r.rule)} (${r.count})`).join(', ');
  return `<tr><td>${escapeHtml(person.participantId)}</td><td>${escapeHtml(person.role)}</td><td><code class="code-warn">${escapeHtml(person.code)}</code></td><td>${escapeHtml(person.message)}</td><td class="num">${person.allowedPartners}</td><td>${rules === '' ? '–' : rules}</td></tr>`;
}

const KNOWN_STATS = new Set([
  'matched',
  'mentors',
  'mentees',
  'unmatchedMentors',
  'unmatchedMentees',
  'totalScore',
  'scores',
  'seats',
]);

/**
 * Statistics a mode adds beyond the common ones (e.g. coverage of wanted skills): numbers in
 * [0, 1] whose name says `coverage` are shown as shares, other numbers as they are. Nested
 * objects are flattened one level (`skills.coverage`).
 */
function extraStats(stats: Readonly<Record<string, unknown>>): [string, number][] {
  const out: [string, number][] = [];
  for (const [key, value] of Object.entries(stats)) {
    if (KNOWN_STATS.has(key)) continue;
    if (typeof value === 'number') out.push([key, value]);
    else if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
      for (const [inner, v] of Object.entries(value))
        if (typeof v === 'number') out.push([`${key}.${inner}`, v]);
    }
  }
  return out;
}

/** `wantedCoverage` → `wanted coverage`, `skills.meanGap` → `skills: mean gap`. */
function words(name: string): string {
  return name
    .replace(/\./g, ': ')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase();
}

function extraStatsSection(stats: Readonly<Record<string, unknown>>): string {
  const rows = extraStats(stats);
  if (rows.length === 0) return '';
  const body = rows
    .map(([name, value]) => {
      const share = /coverage|overlap|share|rate/i.test(name) && value >= 0 && value <= 1;
      return `<tr><td>${escapeHtml(words(name))}</td><td class="num">${share ? meter(value, percent(value)) : escapeHtml(Number.isInteger(value) ? String(value) : fixed2(value))}</td></tr>`;
    })
    .join('');
  return `<h2>Coverage and other measures</h2><section class="panel"><table><tbody>${body}</tbody></table></section>`;
}

/** Group and ring modes add these lists; read loosely so the page renders results of any mode. */
interface LooseRelationship {
  readonly id?: unknown;
  readonly mentorId?: unknown;
  readonly memberIds?: unknown;
  readonly score?: unknown;
  readonly imbalance?: unknown;
  readonly explanation?: { readonly summary?: unknown };
}

function relationshipsSection(heading: string, list: unknown): string {
  if (!Array.isArray(list) || list.length === 0) return '';
  const rows = (list as LooseRelationship[])
    .map((g, k) => {
      const members = Array.isArray(g.memberIds) ? g.memberIds.map(escapeHtml).join(', ') : '';
      const score = typeof g.score === 'number' ? meter(g.score) : '–';
      const lead = typeof g.mentorId === 'string' ? escapeHtml(g.mentorId) : '–';
      const note =
        typeof g.explanation?.summary === 'string'
          ? escapeHtml(g.explanation.summary)
          : typeof g.imbalance === 'number'
            ? `imbalance ${fixed2(g.imbalance)}`
            : '';
      return `<tr><td>${escapeHtml(typeof g.id === 'string' ? g.id : String(k + 1))}</td><td>${lead}</td><td>${members}</td><td class="num">${score}</td><td>${note}</td></tr>`;
    })
    .join('');
  return `<h2>${escapeHtml(heading)} (${list.length})</h2><section class="panel"><table><thead><tr><th>#</th><th>mentor</th><th>members</th><th>score</th><th>notes</th></tr></thead><tbody>${rows}</tbody></table></section>`;
}

/**
 * A self-contained HTML page describing a result, for coordinators: summary figures, the score
 * distribution as an inline SVG chart, who is unmatched and why, every pair with its
 * explanation (each scorer's part behind a disclosure), groups and reciprocal rings when the
 * mode forms them, and any extra measures the mode reports, such as coverage of wanted skills. No script, no external style, font or image: it
 * opens offline and prints cleanly. Every participant value is HTML-escaped. Pure and
 * deterministic: the same result and options give the same page.
 *
 * @param result - What a matching mode returned (or its JSON, parsed).
 * @param options - See {@link HtmlReportOptions}.
 * @returns The HTML document.
 * @example
 * ```ts
 * const html = renderHtmlReport(matchOneToOne(cohort), { title: 'Spring mentoring' });
 * html.startsWith('<!doctype html>');
 * //=> true
 * ```
 */
export function renderHtmlReport(result: MatchResult, options: HtmlReportOptions = {}): string {
  const title = options.title ?? HTML_REPORT_DEFAULTS.title;
  const subtitle = options.subtitle ?? HTML_REPORT_DEFAULTS.subtitle;
  const { stats } = result;
  const scores = result.pairs.map((p) => p.score);
  const settings = `${result.mode}, objective ${result.objective}${result.minScore > 0 ? `, minimum score ${fixed2(result.minScore)}` : ''}`;
  const cards = [
    card(String(stats.matched), 'pairs'),
    card(`${stats.mentees - stats.unmatchedMentees} / ${stats.mentees}`, 'mentees matched'),
    card(`${stats.mentors - stats.unmatchedMentors} / ${stats.mentors}`, 'mentors matched'),
    card(`${stats.seats.used} / ${stats.seats.total}`, 'mentor seats filled'),
    card(stats.scores ? fixed2(stats.scores.median) : '–', 'median score'),
    card(stats.scores ? fixed2(stats.scores.min) : '–', 'lowest score'),
  ].join('');
  const quartiles = stats.scores
    ? `<p class="sub">Dashed line: the median. mean ${fixed2(stats.scores.mean)} · min ${fixed2(stats.scores.min)} · Q1 ${fixed2(stats.scores.q1)} · median ${fixed2(stats.scores.median)} · Q3 ${fixed2(stats.scores.q3)} · max ${fixed2(stats.scores.max)} · total ${fixed2(stats.totalScore)}</p>`
    : '';
  const chart =
    scores.length === 0
      ? '<p class="empty">No pairs were formed.</p>'
      : scoreHistogramSvg(scores, stats.scores?.median);
  const unmatched =
    result.unmatched.length === 0
      ? '<p class="empty">Everyone was matched.</p>'
      : `<table><thead><tr><th>participant</th><th>role</th><th>code</th><th>why</th><th>allowed partners</th><th>excluded by</th></tr></thead><tbody>${result.unmatched.map(unmatchedRow).join('')}</tbody></table>`;
  const pairs =
    result.pairs.length === 0
      ? '<p class="empty">No pairs.</p>'
      : `<table><thead><tr><th>mentor</th><th>mentee</th><th>score</th><th>why</th></tr></thead><tbody>${result.pairs.map(pairRow).join('')}</tbody></table>`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
<h1>${escapeHtml(title)}</h1>
<p class="sub">${subtitle === '' ? '' : `${escapeHtml(subtitle)} · `}${escapeHtml(settings)}</p>
${describeScale(result)
  .map((line) => `<p class="sub">${escapeHtml(line)}</p>\n`)
  .join('')}<div class="cards">${cards}</div>
<h2>Score distribution</h2>
<section class="panel">${chart}${quartiles}</section>
${extraStatsSection(stats as unknown as Readonly<Record<string, unknown>>)}
<h2>Unmatched (${result.unmatched.length})</h2>
<section class="panel">${unmatched}</section>
${relationshipsSection('Groups', (result as { groups?: unknown }).groups)}
${relationshipsSection('Reciprocal pairs and rings', (result as { rings?: unknown }).rings)}
<h2>Pairs (${result.pairs.length})</h2>
<section class="panel">${pairs}</section>
<footer>Made with peermatch. Scores are in [0, 1]; each pair's explanation lists every scorer's weight and reason.</footer>
</main>
</body>
</html>
`;
}
