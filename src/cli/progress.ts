import type { CliIo } from './io.js';

/** Step progress on stderr, or nothing at all when stderr is not a terminal or `CI` is set. */
export interface Progress {
  step(label: string): void;
  done(): void;
}

const WIDTH = 24;

/**
 * A bar of named steps (`read`, `validate`, `normalise`, `match`) redrawn in place on stderr.
 * Only for people watching a terminal: piped output, log files and CI stay clean.
 */
export function createProgress(io: CliIo, steps: number): Progress {
  const enabled = io.stderr.isTTY === true && !io.env.CI;
  if (!enabled) return { step() {}, done() {} };
  let current = 0;
  const started = Date.now();
  let drawn = false;
  return {
    step(label) {
      current = Math.min(steps, current + 1);
      const filled = Math.round((WIDTH * (current - 1)) / steps);
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      const bar = `${'█'.repeat(filled)}${'░'.repeat(WIDTH - filled)}`;
      io.stderr.write(`\r\x1b[2K${bar} ${current}/${steps} ${label}… ${seconds}s`);
      drawn = true;
    },
    done() {
      if (drawn) io.stderr.write('\r\x1b[2K');
    },
  };
}
