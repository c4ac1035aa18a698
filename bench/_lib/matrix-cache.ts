/**
 * Benchmark matrices on disk as raw little-endian float64 (row-major), under `bench/.cache/`
 * (gitignored). Every contender — child processes and SciPy alike — reads the same bytes, so
 * "same matrices" holds by construction rather than by trusting each side's generator.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { DenseMatrix } from './matrices.js';

/** Absolute path of `bench/.cache/`. */
export const CACHE_DIR = fileURLToPath(new URL('../.cache/', import.meta.url));

/**
 * Writes a matrix to `bench/.cache/<name>.f64`.
 *
 * @param name - file stem, e.g. `floats-1000-1`
 * @param matrix - the matrix to write
 * @returns the absolute path written
 */
export function writeMatrix(name: string, matrix: DenseMatrix): string {
  mkdirSync(CACHE_DIR, { recursive: true });
  const path = `${CACHE_DIR}${name}.f64`;
  // Float64Array bytes are in platform order; every machine we run on is little-endian,
  // which is what the Python side reads ('<f8').
  writeFileSync(
    path,
    new Uint8Array(matrix.data.buffer, matrix.data.byteOffset, matrix.data.byteLength),
  );
  return path;
}

/**
 * Reads a matrix written by {@link writeMatrix}.
 *
 * @param path - the file
 * @param rows - row count (the file holds no header)
 * @param cols - column count
 * @returns the matrix
 */
export function readMatrix(path: string, rows: number, cols: number): DenseMatrix {
  const bytes = readFileSync(path);
  if (bytes.byteLength !== rows * cols * 8) {
    throw new Error(
      `readMatrix: ${path} has ${bytes.byteLength} bytes, expected ${rows * cols * 8}`,
    );
  }
  // Copy into a fresh, aligned buffer: a Buffer may sit at an odd offset of a shared pool.
  const data = new Float64Array(rows * cols);
  new Uint8Array(data.buffer).set(bytes);
  return { rows, cols, data };
}

/**
 * Deletes a cached matrix (the 4000 × 4000 ones are 128 MB each).
 *
 * @param path - the file
 */
export function removeMatrix(path: string): void {
  rmSync(path, { force: true });
}
