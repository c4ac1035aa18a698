import { PeermatchError } from '../../errors.js';
import type { ProgressCallback } from './read-options.js';

/**
 * Units of work (cells or edges scanned) between two looks at the signal: a tenth of a
 * millisecond on dense rows read in order, a few milliseconds on large sparse graphs whose
 * edges miss the cache. Prompt enough to cancel, and the look costs nothing measurable.
 */
const CHECK_EVERY = 1 << 16;
/**
 * At most about this many progress reports per phase (plus the last), so a callback that
 * redraws a progress bar is not called millions of times.
 */
const REPORTS_PER_PHASE = 1000;

/**
 * Watches a long solver run: looks at the `AbortSignal` every so much work and reports
 * progress, throttled. Solvers call {@link RunMonitor.tick} after each row; when nobody
 * watches, that is one addition and one comparison.
 */
export class RunMonitor {
  private work = 0;
  private nextCheck = CHECK_EVERY;
  private phase = '';
  private total = 0;
  private step = 1;
  private reported = -1;

  constructor(
    private readonly api: string,
    private readonly signal: AbortSignal | undefined,
    private readonly onProgress: ProgressCallback | undefined,
  ) {}

  /** Throws `ABORTED` if the signal has fired; callers use it before and between phases. */
  throwIfAborted(): void {
    if (this.signal?.aborted) {
      throw new PeermatchError('ABORTED', `${this.api}: aborted by the caller's signal`, [
        { code: 'ABORTED', path: ['signal'], message: `${this.api}: the signal was aborted` },
      ]);
    }
  }

  /** Starts a phase of `total` units, reporting `0 / total`. */
  begin(phase: string, total: number): void {
    this.throwIfAborted();
    this.phase = phase;
    this.total = total;
    this.step = Math.max(1, Math.ceil(total / REPORTS_PER_PHASE));
    this.reported = -1;
    this.report(0);
  }

  /** Records `work` more units; `done` is the phase's progress so far. */
  tick(done: number, work: number): void {
    this.work += work;
    if (this.work >= this.nextCheck) this.checkpoint(done);
  }

  /** Ends the phase, reporting `total / total`. */
  end(): void {
    this.report(this.total);
  }

  private checkpoint(done: number): void {
    this.nextCheck = this.work + CHECK_EVERY;
    this.throwIfAborted();
    if (done >= this.reported + this.step) this.report(done);
  }

  private report(done: number): void {
    if (this.onProgress === undefined || done === this.reported) return;
    this.reported = done;
    this.onProgress(this.phase, done, this.total);
  }
}
