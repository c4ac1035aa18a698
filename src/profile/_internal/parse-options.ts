import { PeermatchError, type PeermatchIssue } from '../../errors.js';
import type { UnknownFieldPolicy } from './resolve-program.js';

/** Options of {@link parseParticipants} and {@link safeParseParticipants}. */
export interface ParseParticipantsOptions {
  /**
   * Keys no schema knows (often typos such as `skils`): `'strip'` drops them silently, `'warn'`
   * drops them and reports an `UNKNOWN_FIELD` warning, `'reject'` makes each one an error.
   * @default 'warn'
   */
  readonly unknownFields?: UnknownFieldPolicy;
  /**
   * Most errors to collect before stopping, so a wrong file of a million rows fails fast and
   * small. A final `TOO_MANY_ISSUES` issue says the list was cut.
   * @default 1000
   */
  readonly maxIssues?: number;
  /**
   * Called once per warning, in order. Warnings (a `managerId` that points at nobody, an
   * expired background check, an unknown field) never stop parsing.
   * @default undefined
   */
  readonly onWarning?: ((issue: PeermatchIssue) => void) | undefined;
}

/** Defaults of {@link ParseParticipantsOptions}. */
export const DEFAULT_PARSE_PARTICIPANTS_OPTIONS: {
  readonly unknownFields: UnknownFieldPolicy;
  readonly maxIssues: number;
  readonly onWarning: ((issue: PeermatchIssue) => void) | undefined;
} = Object.freeze({ unknownFields: 'warn', maxIssues: 1000, onWarning: undefined });

/** Merges options over the defaults, rejecting values of the wrong kind. */
export function resolveParseOptions(api: string, options: ParseParticipantsOptions | undefined) {
  const merged = { ...DEFAULT_PARSE_PARTICIPANTS_OPTIONS, ...options };
  const issues: PeermatchIssue[] = [];
  if (!['strip', 'warn', 'reject'].includes(merged.unknownFields)) {
    issues.push({
      code: 'INVALID_OPTION',
      path: ['unknownFields'],
      message: `${api}: options.unknownFields must be "strip", "warn" or "reject", got ${JSON.stringify(merged.unknownFields)}`,
    });
  }
  if (!Number.isInteger(merged.maxIssues) || merged.maxIssues < 1) {
    issues.push({
      code: 'INVALID_OPTION',
      path: ['maxIssues'],
      message: `${api}: options.maxIssues must be a whole number from 1 up, got ${String(merged.maxIssues)}`,
    });
  }
  if (merged.onWarning !== undefined && typeof merged.onWarning !== 'function') {
    issues.push({
      code: 'INVALID_OPTION',
      path: ['onWarning'],
      message: `${api}: options.onWarning must be a function`,
    });
  }
  if (issues.length > 0) throw new PeermatchError('INVALID_OPTIONS', `${api}: bad options`, issues);
  return merged;
}
