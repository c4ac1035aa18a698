import type * as z from 'zod';
import type { PeermatchIssue } from '../../errors.js';
import { describeValue } from './describe-value.js';

type Path = readonly (string | number)[];

/** `skills.offered[0].level` for a path below a record. */
export function formatPath(path: Path): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else if (/^[A-Za-z_$][\w$]*$/.test(key)) out += out === '' ? key : `.${key}`;
    else out += `[${JSON.stringify(key)}]`;
  }
  return out;
}

/** Where an issue sits, for the start of its message. */
export interface IssueSite {
  /** Name of the public function, first word of every message. */
  readonly api: string;
  /** Path prefix, e.g. `[3]` for record 3 or `['program']`. */
  readonly prefix: Path;
  /** Words naming the root, e.g. `record 3 ("ana")` or `program`. */
  readonly subject: string;
  readonly participantId?: string;
}

/** Builds one issue with the message convention `api: subject field message`. */
export function makeIssue(
  site: IssueSite,
  code: string,
  path: Path,
  message: string,
  participantId = site.participantId,
): PeermatchIssue {
  const field = formatPath(path);
  const text = `${site.api}: ${site.subject}${field === '' ? '' : ` ${field}`} ${message}`;
  const full = [...site.prefix, ...path];
  return participantId === undefined
    ? { code, path: full, message: text }
    : { code, path: full, message: text, participantId };
}

/** Words naming record `index`, with its id when it has a usable one. */
export function recordSubject(index: number, id: string | undefined): string {
  return id === undefined ? `record ${index}` : `record ${index} (${describeValue(id)})`;
}

function codeOf(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'custom':
      return typeof issue.params?.code === 'string' ? issue.params.code : 'INVALID_VALUE';
    case 'invalid_type':
      return issue.input === undefined ? 'MISSING_FIELD' : 'INVALID_TYPE';
    case 'too_small':
    case 'too_big':
      return issue.origin === 'number' || issue.origin === 'int' || issue.origin === 'bigint'
        ? 'OUT_OF_RANGE'
        : issue.code === 'too_small'
          ? 'TOO_SHORT'
          : 'TOO_LONG';
    case 'invalid_format':
      return 'INVALID_FORMAT';
    case 'unrecognized_keys':
      return 'UNKNOWN_FIELD';
    default:
      return 'INVALID_VALUE';
  }
}

/**
 * For a union, the branch the author meant: the one that got furthest (its problems are not a
 * wrong type at the union's own root). Reporting every branch would bury the real problem.
 */
function bestBranch(errors: z.core.$ZodIssue[][]): z.core.$ZodIssue[] {
  let best = errors[0] ?? [];
  let bestScore = Number.NEGATIVE_INFINITY;
  for (const branch of errors) {
    // Deepest problem first (the branch got inside the value), then fewest wrong-type roots.
    let depth = 0;
    let wrongRoots = 0;
    for (const issue of branch) {
      depth = Math.max(depth, issue.path.length);
      if (issue.code === 'invalid_type' && issue.path.length === 0) wrongRoots++;
    }
    const score = depth * 1000 - wrongRoots;
    if (score > bestScore) {
      best = branch;
      bestScore = score;
    }
  }
  return best;
}

/** Converts zod issues into peermatch issues, flattening unions and unknown keys. */
export function fromZodIssues(
  site: IssueSite,
  issues: readonly z.core.$ZodIssue[],
  out: PeermatchIssue[],
  unknownKeys: PeermatchIssue[] = out,
  base: Path = [],
): void {
  for (const issue of issues) {
    const path = [...base, ...(issue.path as (string | number)[])];
    if (issue.code === 'invalid_union' && issue.errors.length > 0) {
      const branch = bestBranch(issue.errors);
      if (
        branch.length > 0 &&
        !branch.every((i) => i.code === 'invalid_type' && i.path.length === 0)
      ) {
        fromZodIssues(site, branch, out, unknownKeys, path);
        continue;
      }
    }
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        unknownKeys.push(makeIssue(site, 'UNKNOWN_FIELD', [...path, key], 'is not a known field'));
      }
      continue;
    }
    const code = codeOf(issue);
    const text =
      code === 'MISSING_FIELD'
        ? 'is missing'
        : issue.code === 'invalid_union'
          ? `has the wrong type, got ${describeValue(issue.input)}`
          : issue.code === 'custom' && issue.input === undefined
            ? issue.message
            : `${issue.message}, got ${describeValue(issue.input)}`;
    out.push(makeIssue(site, code, path, text));
  }
}
