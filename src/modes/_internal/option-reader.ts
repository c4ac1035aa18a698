import { PeermatchError, type PeermatchIssue } from '../../errors.js';
import type { Cohort } from '../../profile/cohort.js';
import type { ProgressCallback } from '../../solvers/_internal/read-options.js';

type Path = (string | number)[];

/**
 * Reads a mode's options and collects every problem, so one `INVALID_OPTIONS` error lists them
 * all (`done()` throws it). Each check returns a usable value even when the input is bad, so
 * later checks still run.
 */
export class OptionReader<T extends object> {
  readonly issues: PeermatchIssue[] = [];
  readonly opts: T;

  constructor(
    readonly api: string,
    options: T | undefined,
    known: readonly string[],
  ) {
    const opts = options ?? ({} as T);
    if (typeof opts !== 'object' || opts === null) {
      throw new PeermatchError('INVALID_OPTIONS', `${api}: options must be an object`, [
        { code: 'INVALID_TYPE', path: [], message: `${api}: options must be an object` },
      ]);
    }
    this.opts = opts;
    for (const key of Object.keys(opts)) {
      if (!known.includes(key)) {
        this.problem([key], 'UNKNOWN_OPTION', `unknown option ${JSON.stringify(key)}`);
      }
    }
  }

  /** Records a problem; `message` is prefixed with the function's name. */
  problem(path: Path, code: string, message: string, participantId?: string): void {
    this.issues.push({
      code,
      path,
      message: `${this.api}: ${message}`,
      ...(participantId === undefined ? {} : { participantId }),
    });
  }

  /** One of `allowed`, or `fallback` when absent. */
  oneOf<V extends string>(key: string, value: unknown, fallback: V, allowed: readonly V[]): V {
    if (value === undefined) return fallback;
    if (allowed.includes(value as V)) return value as V;
    this.problem(
      [key],
      'INVALID_VALUE',
      `options.${key} must be one of ${allowed.map((v) => JSON.stringify(v)).join(', ')}, got ${JSON.stringify(value)}`,
    );
    return fallback;
  }

  /** A minimum pair score in [0, 1]. */
  minScore(value: unknown, fallback: number): number {
    if (value === undefined) return fallback;
    if (typeof value === 'number' && value >= 0 && value <= 1) return value;
    this.problem(
      ['minScore'],
      'OUT_OF_RANGE',
      `options.minScore must be a number from 0 to 1, got ${String(value)}`,
    );
    return fallback;
  }

  /** An integer ≥ `min`, or `undefined` when absent (or bad). */
  integer(key: string, value: unknown, min: number): number | undefined {
    if (value === undefined) return undefined;
    if (typeof value === 'number' && Number.isInteger(value) && value >= min) return value;
    this.problem(
      [key],
      'OUT_OF_RANGE',
      `options.${key} must be an integer ≥ ${min}, got ${String(value)}`,
    );
    return undefined;
  }

  /** A finite number ≥ 0, or `fallback` when absent (or bad). */
  nonNegative(key: string, value: unknown, fallback: number): number {
    if (value === undefined) return fallback;
    if (typeof value === 'number' && Number.isFinite(value) && value >= 0) return value;
    this.problem(
      [key],
      'OUT_OF_RANGE',
      `options.${key} must be a finite number ≥ 0, got ${String(value)}`,
    );
    return fallback;
  }

  /**
   * An `onProgress(phase, done, total)` callback, or `undefined` when absent (or bad). A mode
   * reports its phase boundaries and forwards its solver's reports, which may repeat the same
   * numbers: the callback returned passes each distinct report on once.
   */
  progress(value: unknown): ProgressCallback | undefined {
    if (value === undefined) return undefined;
    if (typeof value === 'function') {
      const callback = value as ProgressCallback;
      let last = '';
      return (phase, done, total) => {
        const key = `${phase}\u0000${done}\u0000${total}`;
        if (key === last) return;
        last = key;
        callback(phase, done, total);
      };
    }
    this.problem(
      ['onProgress'],
      'INVALID_TYPE',
      `options.onProgress must be a function (phase, done, total), got ${typeof value}`,
    );
    return undefined;
  }

  /** `true`, `false`, or `fallback` when absent. */
  boolean(key: string, value: unknown, fallback: boolean): boolean {
    if (value === undefined) return fallback;
    if (typeof value === 'boolean') return value;
    this.problem([key], 'INVALID_TYPE', `options.${key} must be true or false`);
    return fallback;
  }

  /**
   * Participant ids of one side, in code-unit order (ties then break by id): those given, each
   * checked to be in the cohort and listed once, or everyone `byDefault` picks.
   */
  ids(cohort: Cohort, given: unknown, key: string, byDefault: (i: number) => boolean): string[] {
    if (given === undefined) {
      const out: string[] = [];
      for (let i = 0; i < cohort.size; i++) if (byDefault(i)) out.push(cohort.ids[i]);
      return out.sort();
    }
    if (!Array.isArray(given)) {
      this.problem([key], 'INVALID_TYPE', `options.${key} must be an array of participant ids`);
      return [];
    }
    const seen = new Set<string>();
    given.forEach((id: unknown, k) => {
      if (typeof id !== 'string' || !cohort.indexOf.has(id)) {
        this.problem(
          [key, k],
          'UNKNOWN_PARTICIPANT',
          `options.${key}[${k}] is ${JSON.stringify(id)}, who is not in the cohort`,
        );
      } else if (seen.has(id)) {
        this.problem(
          [key, k],
          'DUPLICATE_ID',
          `options.${key}[${k}] repeats ${JSON.stringify(id)}`,
          id,
        );
      } else seen.add(id);
    });
    return [...seen].sort();
  }

  /** Flags anyone listed as both a mentor and a mentee. */
  disjoint(mentors: readonly string[], mentees: readonly string[], why: string): void {
    const menteeSet = new Set(mentees);
    for (const id of mentors) {
      if (menteeSet.has(id)) {
        this.problem(
          ['mentors'],
          'BOTH_SIDES',
          `${JSON.stringify(id)} is both a mentor and a mentee; ${why}`,
          id,
        );
      }
    }
  }

  /** Throws every problem found, as one `INVALID_OPTIONS` error. */
  done(): void {
    if (this.issues.length > 0) {
      throw new PeermatchError(
        'INVALID_OPTIONS',
        `${this.api}: ${this.issues.length} problem(s) with the options`,
        this.issues,
      );
    }
  }
}
