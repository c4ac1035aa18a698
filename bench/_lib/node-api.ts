/**
 * The worker-thread builders as users get them: from the built package (`dist/`) when it is at
 * least as new as every source file, else from the TypeScript sources — whose workers each
 * compile the library through tsx first, about a second of start-up per worker that the package
 * does not pay. Suites say in their caption which one they timed.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as fromSources from '../../src/node/index.js';

type NodeApi = Pick<typeof fromSources, 'buildCompatibilityParallel' | 'buildCandidatesParallel'>;

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BUILT = join(ROOT, 'dist/node/index.js');

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/** The builders to time, and how to name them in a caption. */
export async function nodeApi(): Promise<{ api: NodeApi; source: string }> {
  if (existsSync(BUILT) && statSync(BUILT).mtimeMs >= newestSource(join(ROOT, 'src'))) {
    const api = (await import(BUILT)) as NodeApi;
    return { api, source: 'the built package (`dist/`, plain JavaScript in every worker)' };
  }
  return {
    api: fromSources,
    source:
      'the TypeScript sources (`dist/` missing or older than `src/`: each worker also compiles the library through tsx, about a second more per worker than the built package; run `npm run build` first to time the package)',
  };
}
