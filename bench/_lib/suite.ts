/** The contract every benchmark suite in `bench/` follows; `bench/run.ts` runs them. */
export interface BenchOptions {
  /** Tiny sizes only: CI runs every suite this way to prove it still works. */
  readonly smoke: boolean;
  /** Progress lines for the terminal. */
  readonly log: (line: string) => void;
}

export interface BenchSuite {
  /** Short id used by `npm run bench -- --only <name>` and as the RESULTS.md section key. */
  readonly name: string;
  /** Heading of the section in RESULTS.md. */
  readonly title: string;
  /** Runs the suite and returns its Markdown section (tables and notes, no heading). */
  run(options: BenchOptions): Promise<string>;
}
