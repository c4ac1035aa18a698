/** The exit codes of the `peermatch` command (docs/cli.md lists them too). */
export const EXIT = Object.freeze({
  /** Done. */
  OK: 0,
  /** The input has problems (validation, unknown participant, invalid result file): each is listed. */
  INPUT: 1,
  /** The command line is wrong: unknown command or flag, missing argument, unavailable mode. */
  USAGE: 2,
  /** A file could not be read or written. */
  FILE: 3,
  /** The input is valid but no result exists (e.g. an infeasible requirement). */
  NO_RESULT: 4,
  /** A bug in peermatch: please report it. */
  INTERNAL: 70,
  /** Interrupted. */
  ABORTED: 130,
});

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];
