import { escapeHtml, fixed2 } from './html.js';

/** Counts of scores in `bins` equal-width bins over [0, 1]; a score of exactly 1 goes in the last. */
export function binScores(scores: readonly number[], bins: number): number[] {
  const counts = new Array<number>(bins).fill(0);
  for (const s of scores) {
    if (!Number.isFinite(s)) continue;
    counts[Math.min(bins - 1, Math.max(0, Math.floor(s * bins)))]++;
  }
  return counts;
}

/** The tick step: 1, 2 or 5 times a power of ten, at least `raw` (and at least 1: counts are whole). */
function niceStep(raw: number): number {
  if (raw <= 1) return 1;
  const power = 10 ** Math.floor(Math.log10(raw));
  for (const m of [1, 2, 5, 10]) if (m * power >= raw) return m * power;
  return 10 * power;
}

const WIDTH = 760;
const HEIGHT = 240;
const LEFT = 44;
const BOTTOM = 36;
const TOP = 22;
const RIGHT = 12;

/**
 * The score distribution as an inline SVG bar chart (no script, no network): one bar per tenth
 * of the score range, its count on top, and a dashed line at the median when there is one. It
 * scales to the width of its container.
 */
export function scoreHistogramSvg(scores: readonly number[], median: number | undefined): string {
  const bins = 10;
  const counts = binScores(scores, bins);
  const step = niceStep(Math.max(1, ...counts) / 4);
  const max = Math.ceil(Math.max(1, ...counts) / step) * step;
  const plotW = WIDTH - LEFT - RIGHT;
  const plotH = HEIGHT - TOP - BOTTOM;
  const barW = plotW / bins;
  const parts: string[] = [];
  for (let value = 0; value <= max; value += step) {
    const y = TOP + plotH - (value / max) * plotH;
    parts.push(
      `<line x1="${LEFT}" x2="${WIDTH - RIGHT}" y1="${y.toFixed(1)}" y2="${y.toFixed(1)}" class="grid"/>`,
      `<text x="${LEFT - 6}" y="${(y + 4).toFixed(1)}" text-anchor="end" class="tick">${value}</text>`,
    );
  }
  counts.forEach((count, b) => {
    const h = (count / max) * plotH;
    const x = LEFT + b * barW + 2;
    const y = TOP + plotH - h;
    const range = `${(b / bins).toFixed(1)}–${((b + 1) / bins).toFixed(1)}`;
    parts.push(
      `<rect x="${x.toFixed(1)}" y="${y.toFixed(1)}" width="${(barW - 4).toFixed(1)}" height="${h.toFixed(1)}" class="bar"><title>${escapeHtml(`${count} pair(s) scoring ${range}`)}</title></rect>`,
    );
    if (count > 0) {
      parts.push(
        `<text x="${(x + (barW - 4) / 2).toFixed(1)}" y="${(y - 4).toFixed(1)}" text-anchor="middle" class="count">${count}</text>`,
      );
    }
    parts.push(
      `<text x="${(LEFT + b * barW).toFixed(1)}" y="${HEIGHT - BOTTOM + 16}" text-anchor="middle" class="tick">${(b / bins).toFixed(1)}</text>`,
    );
  });
  parts.push(
    `<text x="${WIDTH - RIGHT}" y="${HEIGHT - BOTTOM + 16}" text-anchor="end" class="tick">1.0</text>`,
    `<line x1="${LEFT}" x2="${WIDTH - RIGHT}" y1="${TOP + plotH}" y2="${TOP + plotH}" class="axis"/>`,
    `<text x="${LEFT + plotW / 2}" y="${HEIGHT - 4}" text-anchor="middle" class="label">pair score</text>`,
  );
  if (median !== undefined && Number.isFinite(median)) {
    const x = LEFT + median * plotW;
    parts.push(
      `<line x1="${x.toFixed(1)}" x2="${x.toFixed(1)}" y1="${TOP - 6}" y2="${TOP + plotH}" class="median"><title>median ${fixed2(median)}</title></line>`,
    );
  }
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${WIDTH} ${HEIGHT}" width="100%" style="max-width:${WIDTH}px;height:auto" role="img" aria-label="Distribution of pair scores">${parts.join('')}</svg>`;
}
