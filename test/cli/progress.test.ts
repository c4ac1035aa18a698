import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createProgress } from '../../src/cli/progress.js';
import { memoryIo } from './_support/memory-io.js';

describe('createProgress', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(0);
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('createProgress(io, 4).phase(...) fills the bar within a step and names the phase, at most every 100 ms', () => {
    const io = memoryIo('/', { tty: true });
    const progress = createProgress(io, 4);
    progress.step('matching 90 participants');
    const afterStep = io.err();
    expect(afterStep).toContain('1/4 matching 90 participants… 0.0s');
    progress.phase('solve', 10, 100); // within 100 ms of the last redraw: skipped
    expect(io.err()).toBe(afterStep);
    vi.setSystemTime(150);
    progress.phase('solve', 50, 100);
    const line = io.err().slice(afterStep.length);
    // Half of the first of four steps: 3 of 24 cells.
    expect(line).toContain(
      `${'█'.repeat(3)}${'░'.repeat(21)} 1/4 matching 90 participants: solve 50%… 0.1s`,
    );
    progress.done();
    expect(io.err().endsWith('\r\x1b[2K')).toBe(true);
  });

  it('createProgress draws nothing when stderr is not a terminal or CI is set', () => {
    for (const io of [memoryIo('/'), memoryIo('/', { tty: true, env: { CI: 'true' } })]) {
      const progress = createProgress(io, 2);
      progress.step('reading');
      vi.setSystemTime(Date.now() + 500);
      progress.phase('solve', 1, 2);
      progress.done();
      expect(io.err()).toBe('');
    }
  });
});
