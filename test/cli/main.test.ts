import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

const root = new URL('../../', import.meta.url).pathname;

/** The real executable, from the sources: a separate process with real stdout, stderr and exit code. */
function peermatch(args: string[]) {
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, CI: 'true' },
  });
  return { code: run.status, out: run.stdout, err: run.stderr };
}

describe('peermatch (spawned)', () => {
  it('peermatch match company.csv sets exit code 0 and prints the summary on stdout only', () => {
    const { code, out, err } = peermatch([
      'match',
      'examples/cohorts/company.csv',
      '--program',
      'examples/cohorts/company-program.json',
    ]);
    expect(err).toBe('');
    expect(code).toBe(0);
    expect(out).toMatch(/^one-to-one, objective coverage: \d+ pairs/);
  });

  it('peermatch validate on a broken file sets exit code 1 and prints no stack trace', () => {
    const { code, out, err } = peermatch(['validate', 'test/cli/_support/broken.csv']);
    expect(code).toBe(1);
    expect(out).toContain('problem(s)');
    expect(`${out}${err}`).not.toMatch(/\n\s+at /);
  });
});
