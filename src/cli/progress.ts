import type { CliIo } from './io.js';

/** Step progress on stderr, or nothing at all when stderr is not a terminal or `CI` is set. */
export interface Progress {
  step(label: string): void;
  /**
   * Progress inside the current step, as the library's `onProgress` reports it: the bar fills
   * towards the next step and the label names the phase. Redrawn at most every 100 ms.
   */
  phase(name: string, done: number, total: number): void;
  done(): void;
}

const WIDTH = 24;
/** Fewest milliseconds between two redraws within a step (a phase may report a thousand times). */
const REDRAW_MS = 100;

/**
 * A bar of named steps (`read`, `validate`, `normalise`, `match`) redrawn in place on stderr.
 * Only for people watching a terminal: piped output, log files and CI stay clean.
 */
export function createProgress(io: CliIo, steps: number): Progress {
  const enabled = io.stderr.isTTY === true && !io.env.CI;
  if (!enabled) return { step() {}, phase() {}, done() {} };
  let current = 0;
  let stepLabel = '';
  const started = Date.now();
  let drawnAt = 0;
  let drawn = false;
  const draw = (fraction: number, detail: string) => {
    const filled = Math.round((WIDTH * (current - 1 + fraction)) / steps);
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    const bar = `${'█'.repeat(filled)}${'░'.repeat(WIDTH - filled)}`;
    io.stderr.write(`\r\x1b[2K${bar} ${current}/${steps} ${stepLabel}${detail}… ${seconds}s`);
    drawnAt = Date.now();
    drawn = true;
  };
  return {
    step(label) {
      current = Math.min(steps, current + 1);
      stepLabel = label;
      draw(0, '');
    },
    phase(name, done, total) {
      if (current === 0 || Date.now() - drawnAt < REDRAW_MS) return;
      const fraction = total > 0 ? Math.min(1, Math.max(0, done / total)) : 0;
      draw(fraction, `: ${name} ${Math.round(100 * fraction)}%`);
    },
    done() {
      if (drawn) io.stderr.write('\r\x1b[2K');
    },
  };
}
