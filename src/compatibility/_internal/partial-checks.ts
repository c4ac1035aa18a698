import { PeermatchError, type PeermatchIssue } from '../../errors.js';
import type { CandidatePartial, Shape } from '../prepare-candidates.js';

/** Checks a scan's row range `from … to - 1` against `rows`: `INVALID_OPTIONS` naming each bad end. */
export function checkRange(api: string, from: number, to: number, rows: number): void {
  const issues: PeermatchIssue[] = [];
  if (!Number.isInteger(from) || from < 0 || from > rows) {
    issues.push({
      code: 'OUT_OF_RANGE',
      path: ['from'],
      message: `${api}: scan's from must be a whole number from 0 to ${rows}, got ${String(from)}`,
    });
  }
  if (!Number.isInteger(to) || to < from || to > rows) {
    issues.push({
      code: 'OUT_OF_RANGE',
      path: ['to'],
      message: `${api}: scan's to must be a whole number from ${String(from)} to ${rows}, got ${String(to)}`,
    });
  }
  if (issues.length > 0) throw new PeermatchError('INVALID_OPTIONS', `${api}: bad rows`, issues);
}

const FIELDS: readonly [keyof CandidatePartial, 'Int32Array' | 'Float64Array', keyof Shape][] = [
  ['perLeft', 'Int32Array', 'rows'],
  ['rowScores', 'Float64Array', 'rowK'],
  ['rowPartners', 'Int32Array', 'rowK'],
  ['perRight', 'Int32Array', 'cols'],
  ['colScores', 'Float64Array', 'colK'],
  ['colPartners', 'Int32Array', 'colK'],
];

/** Partials are plain data, possibly from another thread: check their shape and row coverage. */
export function checkPartials(
  api: string,
  partials: readonly CandidatePartial[],
  shape: Shape,
  where: 'partials' | 'into',
): void {
  const issues: PeermatchIssue[] = [];
  if (!Array.isArray(partials) || partials.length === 0) {
    issues.push({
      code: 'INVALID_TYPE',
      path: [where],
      message: `${api}: merge needs an array of at least one partial from scan`,
    });
  } else {
    partials.forEach((partial, p) => {
      const path = where === 'into' ? ['into'] : ['partials', p];
      for (const [field, type, per] of FIELDS) {
        const length =
          per === 'rows' || per === 'cols'
            ? shape[per]
            : (per === 'rowK' ? shape.rows : shape.cols) * shape[per];
        const value = (partial as Partial<CandidatePartial> | null)?.[field];
        const ok =
          (type === 'Int32Array' ? value instanceof Int32Array : value instanceof Float64Array) &&
          value?.length === length;
        if (!ok) {
          issues.push({
            code: 'INVALID_TYPE',
            path: [...path, field],
            message: `${api}: ${where === 'into' ? 'into' : `partials[${p}]`}.${field} must be an ${type} of ${length}, as scan makes it`,
          });
        }
      }
    });
  }
  if (issues.length === 0 && where === 'partials') issues.push(...coverageIssues(api, partials));
  if (issues.length > 0) {
    throw new PeermatchError(
      'INVALID_INPUT',
      `${api}: ${issues.length} problem(s) with the ${where}`,
      issues,
    );
  }
}

function coverageIssues(api: string, partials: readonly CandidatePartial[]): PeermatchIssue[] {
  const rows = partials[0].perLeft.length;
  const missing: number[] = [];
  const twice: number[] = [];
  for (let i = 0; i < rows; i++) {
    let times = 0;
    for (const p of partials) if (p.perLeft[i] >= 0) times++;
    if (times === 0) missing.push(i);
    else if (times > 1) twice.push(i);
  }
  const list = (found: number[]): string =>
    `${found.length} row(s): ${found.slice(0, 10).join(', ')}${found.length > 10 ? ', …' : ''}`;
  const issues: PeermatchIssue[] = [];
  if (missing.length > 0) {
    issues.push({
      code: 'ROW_NOT_SCANNED',
      path: ['partials'],
      message: `${api}: no partial scanned ${list(missing)}`,
    });
  }
  if (twice.length > 0) {
    issues.push({
      code: 'ROW_SCANNED_TWICE',
      path: ['partials'],
      message: `${api}: more than one partial scanned ${list(twice)} (their column counts would add up twice)`,
    });
  }
  return issues;
}
