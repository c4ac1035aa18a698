/**
 * `npm run examples`: runs every example, each in its own process, and fails when one does.
 * CI runs it after `npm run demo`.
 */
import { spawnSync } from 'node:child_process';

const examples: [string, string[]][] = [
  ['node', ['--import', 'tsx', 'examples/hr-one-to-one.ts']],
  ['node', ['--import', 'tsx', 'examples/campus-buddies.ts']],
  ['node', ['--import', 'tsx', 'examples/groups-and-circles.ts']],
  ['node', ['--import', 'tsx', 'examples/skill-swap.ts']],
  ['node', ['--import', 'tsx', 'examples/mid-cycle-rematch.ts']],
  ['bash', ['examples/cli-walkthrough.sh']],
];

let failed = 0;
for (const [command, args] of examples) {
  console.log(`\n━━ ${args[args.length - 1]} ━━`);
  const run = spawnSync(command, args, { stdio: 'inherit' });
  if (run.status !== 0) {
    failed++;
    console.error(`${args[args.length - 1]} failed (exit code ${run.status ?? run.signal})`);
  }
}
if (failed > 0) process.exit(1);
console.log(`\nall ${examples.length} examples ran.`);
