/**
 * The one error peermatch throws on bad input, and its stable codes.
 *
 * Errors are data: a stable `code` for programs, a readable `message` for people, and an
 * `issues` list naming every problem at once (never just the first).
 */

/** Stable codes carried by {@link PeermatchError}. New codes may be added; existing ones never change meaning. */
export type PeermatchErrorCode =
  /** A matrix or graph given to a solver is malformed (NaN, wrong length, bad size, bad edge). */
  | 'INVALID_MATRIX'
  /** An options object has a field of the wrong type or out of range. */
  | 'INVALID_OPTIONS'
  /** No complete assignment (or matching) exists under the forbidden pairs. */
  | 'INFEASIBLE'
  /** Participant records or a program failed validation. */
  | 'INVALID_INPUT'
  /** A long-running call was cancelled through its `AbortSignal`. */
  | 'ABORTED';

/** One problem found in the input. */
export interface PeermatchIssue {
  /** Stable machine-readable code of this problem, e.g. `'NAN_CELL'` or `'DUPLICATE_ID'`. */
  readonly code: string;
  /** Where the problem is: array indices and object keys from the root of the input. */
  readonly path: readonly (string | number)[];
  /** A sentence for people, naming the API and the bad value. */
  readonly message: string;
  /** The participant the problem belongs to, when there is one. */
  readonly participantId?: string;
}

const BRAND = Symbol.for('peermatch.error');

/**
 * The error peermatch throws on bad input. `instanceof PeermatchError` works even across two
 * installed copies of the library (the class is branded with `Symbol.for('peermatch.error')`).
 *
 * @example
 * ```ts
 * try {
 *   solveAssignment([[1, Number.NaN]]);
 * } catch (error) {
 *   if (PeermatchError.is(error)) console.log(error.code, error.issues[0].path);
 *   //=> 'INVALID_MATRIX' [0, 1]
 * }
 * ```
 */
export class PeermatchError extends Error {
  /** Stable code of the error as a whole. */
  readonly code: PeermatchErrorCode;
  /** Every problem found, each with its path and message. */
  readonly issues: readonly PeermatchIssue[];

  constructor(code: PeermatchErrorCode, message: string, issues: readonly PeermatchIssue[] = []) {
    super(PeermatchError.format(message, issues));
    this.name = 'PeermatchError';
    this.code = code;
    this.issues = issues;
    Object.defineProperty(this, BRAND, { value: true });
  }

  /** True when `value` is a `PeermatchError` from any copy of peermatch. */
  static is(value: unknown): value is PeermatchError {
    return typeof value === 'object' && value !== null && BRAND in value;
  }

  static override [Symbol.hasInstance](value: unknown): boolean {
    return PeermatchError.is(value);
  }

  private static format(message: string, issues: readonly PeermatchIssue[]): string {
    const shown = issues.slice(0, 20).map((issue) => `\n  - ${issue.message}`);
    const more = issues.length > 20 ? `\n  … and ${issues.length - 20} more` : '';
    return message + shown.join('') + more;
  }
}
