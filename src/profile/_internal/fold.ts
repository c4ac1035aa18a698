/**
 * Folds a human-typed label (skill, tag, stage, team) to the key it is compared by.
 *
 * NFKC first so full-width and ligature forms (`ＪＳ`, `ﬁ`) meet their plain spelling; case is
 * folded with the locale-independent `toLowerCase` so results never depend on the host locale;
 * runs of whitespace, `_` and dashes become one space because spreadsheets spell
 * `machine-learning`, `machine_learning` and `machine  learning` interchangeably.
 */
export function fold(label: string): string {
  return label
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s_\-\u2010-\u2015]+/gu, ' ')
    .trim();
}

/**
 * `fold` memoised for one call: a cohort repeats a few hundred labels many thousand times, and
 * the NFKC + regex work is the costliest part of normalising a label.
 */
export function memoFold(): (label: string) => string {
  const cache = new Map<string, string>();
  return (label) => {
    let folded = cache.get(label);
    if (folded === undefined) {
      folded = fold(label);
      cache.set(label, folded);
    }
    return folded;
  };
}
