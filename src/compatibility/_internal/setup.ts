import { BUILT_IN_CONSTRAINTS } from '../../constraints/built-in-constraints.js';
import type { Constraint, MatrixLayout, PreparedConstraint } from '../../constraints/constraint.js';
import { PeermatchError, type PeermatchIssue } from '../../errors.js';
import type { Cohort } from '../../profile/cohort.js';
import { parseProgram } from '../../profile/parse-program.js';
import type { Program, ProgramInput } from '../../profile/program-schema.js';
import { BUILT_IN_SCORERS } from '../../scoring/built-in-scorers.js';
import { defaultWeights } from '../../scoring/default-weights.js';
import type { PreparedScorer, Scorer } from '../../scoring/scorer.js';

/** Options every compatibility function accepts. */
export interface CompatibilityOptions {
  /** Custom scorers, added to the built-ins (weight 1 unless weighted). */
  readonly scorers?: readonly Scorer[];
  /** Custom hard rules, added to the built-ins. */
  readonly constraints?: readonly Constraint[];
  /** Scorer name → weight; overrides `program.weights` and the defaults. */
  readonly weights?: Readonly<Record<string, number>>;
  /** Participant ids of the left (giving) side, in this order. */
  readonly left?: readonly string[];
  /** Participant ids of the right (receiving) side, in this order. */
  readonly right?: readonly string[];
  /** `directed` (givers × receivers) or `square` (everyone × everyone). */
  readonly layout?: MatrixLayout;
  /** Stops a long build with `PeermatchError('ABORTED')`. */
  readonly signal?: AbortSignal;
}

export interface ActiveScorer {
  readonly name: string;
  readonly weight: number;
  readonly prepared: PreparedScorer;
  readonly custom: boolean;
}

export interface ActiveConstraint {
  readonly name: string;
  readonly prepared: PreparedConstraint;
  readonly custom: boolean;
}

export interface Setup {
  readonly api: string;
  readonly cohort: Cohort;
  readonly program: Program;
  readonly layout: MatrixLayout;
  readonly left: Int32Array;
  readonly right: Int32Array;
  readonly scorers: readonly ActiveScorer[];
  readonly totalWeight: number;
  readonly constraints: readonly ActiveConstraint[];
  /** Rules switched on, in check order. */
  readonly rules: readonly string[];
  /** Every scorer's weight, including 0. */
  readonly weights: Readonly<Record<string, number>>;
  readonly signal: AbortSignal | undefined;
}

const OPTION_KEYS = new Set([
  'scorers',
  'constraints',
  'weights',
  'left',
  'right',
  'layout',
  'signal',
]);
const NORMALISATION_FIELDS = [
  'date',
  'timeZone',
  'slotMinutes',
  'stages',
  'taxonomy',
  'consentDefault',
] as const;

function fail(
  api: string,
  code: 'INVALID_OPTIONS' | 'INVALID_INPUT',
  issues: PeermatchIssue[],
): never {
  throw new PeermatchError(
    code,
    `${api}: ${issues.length} problem(s) with the ${code === 'INVALID_OPTIONS' ? 'options' : 'input'}`,
    issues,
  );
}

function isCohort(value: unknown): value is Cohort {
  if (typeof value !== 'object' || value === null) return false;
  const c = value as Partial<Cohort>;
  return (
    typeof c.size === 'number' &&
    Array.isArray(c.ids) &&
    c.role instanceof Uint8Array &&
    c.offeredClosure !== undefined &&
    typeof c.program === 'object'
  );
}

/** The side (left or right) of a directed matrix each role belongs to. */
function defaultSides(cohort: Cohort, layout: MatrixLayout): [Int32Array, Int32Array] {
  if (layout === 'square') {
    const all = Int32Array.from({ length: cohort.size }, (_, i) => i);
    return [all, all];
  }
  const left: number[] = [];
  const right: number[] = [];
  for (let i = 0; i < cohort.size; i++) {
    if (cohort.role[i] !== 1) left.push(i); // mentors and peers give
    if (cohort.role[i] !== 0) right.push(i); // mentees and peers receive
  }
  return [Int32Array.from(left), Int32Array.from(right)];
}

function readSide(
  api: string,
  cohort: Cohort,
  ids: unknown,
  key: 'left' | 'right',
  issues: PeermatchIssue[],
): Int32Array | undefined {
  if (ids === undefined) return undefined;
  if (!Array.isArray(ids)) {
    issues.push({
      code: 'INVALID_TYPE',
      path: [key],
      message: `${api}: options.${key} must be an array of participant ids`,
    });
    return undefined;
  }
  const out = new Int32Array(ids.length);
  const seen = new Set<number>();
  ids.forEach((id, k) => {
    const i = typeof id === 'string' ? cohort.indexOf.get(id) : undefined;
    if (i === undefined) {
      issues.push({
        code: 'UNKNOWN_PARTICIPANT',
        path: [key, k],
        message: `${api}: options.${key}[${k}] is ${JSON.stringify(id)}, who is not in the cohort`,
      });
    } else if (seen.has(i)) {
      issues.push({
        code: 'DUPLICATE_ID',
        path: [key, k],
        message: `${api}: options.${key}[${k}] repeats ${JSON.stringify(id)}`,
        participantId: id as string,
      });
    } else {
      seen.add(i);
      out[k] = i;
    }
  });
  return out;
}

/**
 * Validates everything at the boundary and binds every scorer and constraint to the cohort. All
 * problems are reported at once; nothing is prepared for a call that will fail.
 */
export function setup(
  api: string,
  cohort: Cohort,
  programInput: ProgramInput | Program | undefined,
  options: CompatibilityOptions | undefined,
): Setup {
  if (!isCohort(cohort)) {
    fail(api, 'INVALID_INPUT', [
      {
        code: 'INVALID_TYPE',
        path: ['cohort'],
        message: `${api}: cohort must be the result of normalizeCohort`,
      },
    ]);
  }
  const program = programInput === undefined ? cohort.program : parseProgram(programInput);
  if (programInput !== undefined) {
    const mismatched = NORMALISATION_FIELDS.filter(
      (key) => JSON.stringify(program[key]) !== JSON.stringify(cohort.program[key]),
    );
    if (mismatched.length > 0) {
      fail(
        api,
        'INVALID_INPUT',
        mismatched.map((key) => ({
          code: 'PROGRAM_MISMATCH',
          path: ['program', key],
          message: `${api}: program.${key} differs from the program the cohort was normalised with; normalise the cohort again with this program`,
        })),
      );
    }
  }
  const opts: CompatibilityOptions = options ?? {};
  const issues: PeermatchIssue[] = [];
  if (typeof opts !== 'object' || opts === null) {
    fail(api, 'INVALID_OPTIONS', [
      { code: 'INVALID_TYPE', path: [], message: `${api}: options must be an object` },
    ]);
  }
  for (const key of Object.keys(opts)) {
    if (!OPTION_KEYS.has(key)) {
      issues.push({
        code: 'UNKNOWN_OPTION',
        path: [key],
        message: `${api}: unknown option ${JSON.stringify(key)}`,
      });
    }
  }
  const customScorers = opts.scorers ?? [];
  const customConstraints = opts.constraints ?? [];
  const names = new Set<string>(BUILT_IN_SCORERS.map((s) => s.name));
  if (!Array.isArray(customScorers)) {
    issues.push({
      code: 'INVALID_TYPE',
      path: ['scorers'],
      message: `${api}: options.scorers must be an array of scorers`,
    });
  } else {
    customScorers.forEach((s: Scorer, k: number) => {
      if (
        typeof s !== 'object' ||
        s === null ||
        typeof s.name !== 'string' ||
        s.name === '' ||
        typeof s.prepare !== 'function'
      ) {
        issues.push({
          code: 'INVALID_SCORER',
          path: ['scorers', k],
          message: `${api}: options.scorers[${k}] must be { name, prepare(context) }`,
        });
      } else if (names.has(s.name)) {
        issues.push({
          code: 'DUPLICATE_SCORER',
          path: ['scorers', k, 'name'],
          message: `${api}: options.scorers[${k}] is named ${JSON.stringify(s.name)}, which is already taken${BUILT_IN_SCORERS.some((b) => b.name === s.name) ? ' by a built-in scorer (weight it 0 and give yours another name)' : ''}`,
        });
      } else names.add(s.name);
    });
  }
  const ruleNames = new Set<string>(BUILT_IN_CONSTRAINTS.flatMap((c) => c.rules ?? [c.name]));
  if (!Array.isArray(customConstraints)) {
    issues.push({
      code: 'INVALID_TYPE',
      path: ['constraints'],
      message: `${api}: options.constraints must be an array of constraints`,
    });
  } else {
    customConstraints.forEach((c: Constraint, k: number) => {
      if (
        typeof c !== 'object' ||
        c === null ||
        typeof c.name !== 'string' ||
        c.name === '' ||
        typeof c.prepare !== 'function'
      ) {
        issues.push({
          code: 'INVALID_CONSTRAINT',
          path: ['constraints', k],
          message: `${api}: options.constraints[${k}] must be { name, prepare(context) }`,
        });
        return;
      }
      for (const rule of c.rules ?? [c.name]) {
        if (ruleNames.has(rule)) {
          issues.push({
            code: 'DUPLICATE_CONSTRAINT',
            path: ['constraints', k],
            message: `${api}: options.constraints[${k}] has rule ${JSON.stringify(rule)}, which is already taken`,
          });
        }
        ruleNames.add(rule);
      }
    });
  }
  const weights: Record<string, number> = Object.create(null);
  for (const name of names) weights[name] = 1;
  Object.assign(weights, defaultWeights(program));
  const applyWeights = (source: Readonly<Record<string, number>> | undefined, where: string) => {
    if (source === undefined) return;
    if (typeof source !== 'object' || source === null) {
      issues.push({
        code: 'INVALID_TYPE',
        path: [where],
        message: `${api}: ${where} must be an object of scorer weights`,
      });
      return;
    }
    for (const key of Object.keys(source)) {
      const w = source[key];
      if (!names.has(key)) {
        issues.push({
          code: 'UNKNOWN_SCORER',
          path: [where, key],
          message: `${api}: ${where}.${key} weighs a scorer that does not exist (scorers: ${[...names].join(', ')})`,
        });
      } else if (typeof w !== 'number' || !Number.isFinite(w) || w < 0) {
        issues.push({
          code: 'OUT_OF_RANGE',
          path: [where, key],
          message: `${api}: ${where}.${key} must be a finite number ≥ 0, got ${String(w)}`,
        });
      } else weights[key] = w;
    }
  };
  applyWeights(program.weights, 'program.weights');
  applyWeights(opts.weights, 'weights');
  if (opts.layout !== undefined && opts.layout !== 'directed' && opts.layout !== 'square') {
    issues.push({
      code: 'INVALID_VALUE',
      path: ['layout'],
      message: `${api}: options.layout must be "directed" or "square", got ${JSON.stringify(opts.layout)}`,
    });
  }
  const layout: MatrixLayout =
    opts.layout ??
    (program.mode === 'reciprocal' ||
    program.kind === 'peer-circle' ||
    program.kind === 'skill-swap'
      ? 'square'
      : 'directed');
  const [defaultLeft, defaultRight] = defaultSides(cohort, layout);
  const left = readSide(api, cohort, opts.left, 'left', issues) ?? defaultLeft;
  const right = readSide(api, cohort, opts.right, 'right', issues) ?? defaultRight;
  const all: Scorer[] = [
    ...BUILT_IN_SCORERS,
    ...(Array.isArray(customScorers) ? customScorers : []),
  ];
  const totalWeight = all.reduce((sum, s) => sum + (weights[s.name] ?? 0), 0);
  if (issues.length === 0 && totalWeight === 0) {
    issues.push({
      code: 'NO_WEIGHT',
      path: ['weights'],
      message: `${api}: every scorer has weight 0, so no pair can be scored`,
    });
  }
  if (issues.length > 0) fail(api, 'INVALID_OPTIONS', issues);
  if (opts.signal?.aborted)
    throw new PeermatchError('ABORTED', `${api}: aborted before it started`);

  const context = { cohort, program };
  const scorers: ActiveScorer[] = [];
  for (const s of all) {
    const weight = weights[s.name];
    if (weight > 0) {
      const prepared = s.prepare(context);
      if (typeof prepared?.score !== 'function') {
        fail(api, 'INVALID_OPTIONS', [
          {
            code: 'INVALID_SCORER',
            path: ['scorers', s.name],
            message: `${api}: scorer ${JSON.stringify(s.name)} prepared no score(left, right) function`,
          },
        ]);
      }
      scorers.push({ name: s.name, weight, prepared, custom: !BUILT_IN_SCORERS.includes(s) });
    }
  }
  const switches = program.constraints as Readonly<Record<string, boolean | undefined>>;
  const builtInRules = new Set(BUILT_IN_CONSTRAINTS.flatMap((c) => c.rules ?? [c.name]));
  // Built-in rules follow their switch; custom rules are on unless switched off explicitly.
  const enabled = (rule: string): boolean =>
    builtInRules.has(rule) ? switches[rule] === true : switches[rule] !== false;
  const constraints: ActiveConstraint[] = [];
  const rules: string[] = [];
  const allConstraints = [...BUILT_IN_CONSTRAINTS, ...(customConstraints as Constraint[])];
  for (const c of allConstraints) {
    const prepared = c.prepare({ cohort, program, layout, enabled });
    if (prepared !== undefined && prepared !== null) {
      if (typeof prepared.allows !== 'function' || typeof prepared.violations !== 'function') {
        fail(api, 'INVALID_OPTIONS', [
          {
            code: 'INVALID_CONSTRAINT',
            path: ['constraints', c.name],
            message: `${api}: constraint ${JSON.stringify(c.name)} prepared no allows(left, right) and violations(left, right)`,
          },
        ]);
      }
      constraints.push({ name: c.name, prepared, custom: !BUILT_IN_CONSTRAINTS.includes(c) });
      for (const rule of c.rules ?? [c.name]) if (enabled(rule)) rules.push(rule);
    }
  }
  return {
    api,
    cohort,
    program,
    layout,
    left,
    right,
    scorers,
    totalWeight,
    constraints,
    rules,
    weights: Object.freeze(weights),
    signal: opts.signal,
  };
}
