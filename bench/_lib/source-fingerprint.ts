/**
 * A short hash of a module and everything it imports from the repository, taken before and
 * after a run: the solvers are edited while benchmarks run, and a table that mixes two versions
 * must say so. Following the imports (rather than hashing a whole folder) keeps an edit to an
 * unrelated solver from raising a false alarm.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Relative `import … from './x.js'` / `export … from` specifiers of one source file. */
function relativeImports(source: string): string[] {
  const found: string[] = [];
  for (const match of source.matchAll(/\bfrom\s+['"](\.{1,2}\/[^'"]+)['"]/g)) found.push(match[1]);
  return found;
}

/** Maps a `.js` specifier to the `.ts` file that tsx would load. */
function toSourceFile(fromFile: string, specifier: string): string | undefined {
  const target = resolve(dirname(fromFile), specifier);
  const candidates = [target.replace(/\.js$/, '.ts'), target, `${target}.ts`];
  return candidates.find((file) => existsSync(file));
}

/**
 * Hashes a source file and, transitively, every relative import it makes.
 *
 * @param entry - path from the repository root, e.g. `src/solvers/solve-assignment.ts`
 * @returns the first 12 hex digits of a SHA-256 over the files' paths and contents, or
 *   `missing` when the entry does not exist
 */
export function sourceFingerprint(entry: string): string {
  const first = resolve(ROOT, entry);
  if (!existsSync(first)) return 'missing';
  const seen = new Set<string>();
  const queue = [first];
  while (queue.length > 0) {
    const file = queue.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    for (const specifier of relativeImports(readFileSync(file, 'utf8'))) {
      const next = toSourceFile(file, specifier);
      if (next) queue.push(next);
    }
  }
  const hash = createHash('sha256');
  for (const file of [...seen].sort()) {
    hash.update(relative(ROOT, file));
    hash.update(readFileSync(file));
  }
  return hash.digest('hex').slice(0, 12);
}
