import { defineConfig } from 'tsup';

const shared = {
  sourcemap: true,
  target: 'es2022',
  treeshake: true,
} as const;

export default defineConfig([
  {
    ...shared,
    // The library entries: `peermatch`, `peermatch/solvers` and `peermatch/node`.
    entry: {
      index: 'src/index.ts',
      'solvers/index': 'src/solvers/index.ts',
      'node/index': 'src/node/index.ts',
      // Loaded by `buildCompatibilityParallel` as a worker thread, next to `node/index`.
      'node/compatibility-worker': 'src/node/_internal/compatibility-worker.ts',
      // Loaded by `buildCandidatesParallel` as a worker thread, next to `node/index`.
      'node/candidates-worker': 'src/node/_internal/candidates-worker.ts',
    },
    format: ['esm', 'cjs'],
    dts: true,
    clean: true,
    splitting: true,
  },
  {
    ...shared,
    // The `peermatch` command: one ESM file (top-level await), no types, a shebang.
    entry: { 'cli/main': 'src/cli/main.ts' },
    format: ['esm'],
    dts: false,
    clean: false,
    splitting: false,
    platform: 'node',
    banner: { js: '#!/usr/bin/env node' },
  },
]);
