/**
 * The JavaScript contenders of the assignment benchmark: ours and the npm peers. Each adapts
 * one library to the same shape — convert the matrix (untimed), solve (timed), read the
 * assignment back (untimed) — and is loaded lazily so a child process imports only its own.
 */
import { createRequire } from 'node:module';
import type { DenseMatrix } from './matrices.js';
import { toRows } from './matrices.js';

/** What a contender's answer is reduced to; the parent process checks and totals it. */
export interface ContenderAnswer {
  /** Column of each row, -1 when unassigned. */
  readonly rowToCol: ArrayLike<number>;
  /** The total the library itself reported, when it reports one. */
  readonly reportedTotal?: number;
}

/** One library, loaded and ready to run. */
export interface LoadedContender {
  /** Converts the matrix into the library's own input (untimed); the returned thunk solves (timed). */
  prepare(matrix: DenseMatrix): () => unknown;
  /** Reads the library's raw result (untimed). */
  read(result: unknown): ContenderAnswer;
}

/** A contender as listed in the table. */
export interface Contender {
  /** Stable id, passed to the child process. */
  readonly id: string;
  /** Column heading. */
  readonly label: string;
  /** Whether this is one of the npm peers (counted for "fastest npm peer"). */
  readonly isNpmPeer: boolean;
  /** Imports the library. */
  load(): Promise<LoadedContender>;
}

type Pairs = ReadonlyArray<readonly [number, number]>;

/** Turns the `[row, col][]` lists most peers return into a row → column array. */
function pairsToRowToCol(pairs: Pairs, rows: number): Int32Array {
  const rowToCol = new Int32Array(rows).fill(-1);
  for (const [row, col] of pairs) rowToCol[row] = col;
  return rowToCol;
}

const require = createRequire(import.meta.url);

const ours: Contender = {
  id: 'ours',
  label: 'ours',
  isNpmPeer: false,
  async load() {
    const { solveAssignment } = await import('../../src/solvers/index.js');
    return {
      prepare(matrix) {
        // solveAssignment never mutates its input; the copy only keeps the runs symmetric.
        const input = { rows: matrix.rows, cols: matrix.cols, data: matrix.data.slice() };
        return () => solveAssignment(input);
      },
      read(result) {
        const r = result as ReturnType<typeof solveAssignment>;
        return { rowToCol: r.rowToCol, reportedTotal: r.total };
      },
    };
  },
};

/**
 * A peer whose API is `(matrix: number[][]) => [row, col][]`: it gets nested arrays (built
 * untimed) and its pairs are read back into a row → column array.
 */
function pairsPeer(id: string, loadSolve: () => Promise<(matrix: number[][]) => Pairs>): Contender {
  return {
    id,
    label: id,
    isNpmPeer: true,
    async load() {
      const solve = await loadSolve();
      let rows = 0;
      return {
        prepare(matrix) {
          rows = matrix.rows;
          const input = toRows(matrix);
          return () => solve(input);
        },
        read: (result) => ({ rowToCol: pairsToRowToCol(result as Pairs, rows) }),
      };
    },
  };
}

const munkres = pairsPeer('munkres', async () => (await import('munkres')).munkres);

// CommonJS without types; it pads a copy of the matrix.
const munkresJs = pairsPeer('munkres-js', async () => require('munkres-js'));

/** The slice of ml-matrix's `Matrix` we need to build linear-sum-assignment's input. */
interface MlMatrixModule {
  Matrix: new (rows: number[][]) => unknown;
}

const linearSumAssignment: Contender = {
  id: 'linear-sum-assignment',
  label: 'linear-sum-assignment',
  isNpmPeer: true,
  async load() {
    const { linearSumAssignment: solve } = await import('linear-sum-assignment');
    // Build its ml-matrix `Matrix` ourselves (untimed): given plain arrays it would convert
    // inside the timed call. Resolve ml-matrix from the peer's own location, since it is the
    // peer's dependency, not ours.
    const peerRequire = createRequire(import.meta.resolve('linear-sum-assignment'));
    const { Matrix } = peerRequire('ml-matrix') as MlMatrixModule;
    return {
      prepare(matrix) {
        // It mutates a Matrix it is given (`matrix.subtract(min)` works in place): fresh copy.
        const input = new Matrix(toRows(matrix)) as Parameters<typeof solve>[0];
        // `maximaze` (sic) defaults to true: minimising must be asked for.
        return () => solve(input, { maximaze: false });
      },
      read(result) {
        const r = result as ReturnType<typeof solve>;
        return { rowToCol: r.rowAssignments, reportedTotal: r.gain };
      },
    };
  },
};

// CommonJS without types: `(costMatrix, isProfit?) => [worker, job | -1][]`; it clones the
// matrix itself (inside the timed call, unavoidably) and treats costs ≥ 2^30 as forbidden.
const hungarianOn3 = pairsPeer('hungarian-on3', async () => require('hungarian-on3'));

/** Every JavaScript contender, ours first (its total is the reference). */
export const CONTENDERS: readonly Contender[] = [
  ours,
  munkres,
  munkresJs,
  linearSumAssignment,
  hungarianOn3,
];

/**
 * Finds a contender by id.
 *
 * @param id - a {@link Contender.id}
 * @returns the contender
 */
export function contenderById(id: string): Contender {
  const found = CONTENDERS.find((c) => c.id === id);
  if (!found) throw new Error(`unknown contender '${id}'`);
  return found;
}
