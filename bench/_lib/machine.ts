/** A one-line description of the machine a benchmark ran on, for RESULTS.md. */
import { cpus, loadavg, totalmem } from 'node:os';

/**
 * Describes this machine: CPU model, logical cores, memory and Node version.
 *
 * @returns e.g. `AMD EPYC 7B13, 2 cores, 23.5 GiB, Node v20.20.2`
 */
export function describeMachine(): string {
  const list = cpus();
  const model = list[0]?.model.trim() || 'unknown CPU';
  const gib = (totalmem() / 2 ** 30).toFixed(1);
  return `${model}, ${list.length} cores, ${gib} GiB, Node ${process.version} (${process.platform}/${process.arch})`;
}

/**
 * The 1-minute load average, so a reader can tell whether other work shared the machine
 * (timings on a busy 2-core machine are noisier and slower).
 *
 * @returns e.g. `0.12`
 */
export function describeLoad(): string {
  return loadavg()[0].toFixed(2);
}
