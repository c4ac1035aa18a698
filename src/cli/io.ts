/** Where the command reads its environment and writes its output; tests pass their own. */
export interface CliIo {
  readonly stdout: { write(text: string): unknown };
  readonly stderr: {
    write(text: string): unknown;
    /** A terminal: the progress bar is drawn only then (and never when `CI` is set). */
    readonly isTTY?: boolean;
    readonly columns?: number;
  };
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Relative paths are resolved against this. */
  readonly cwd: string;
}
