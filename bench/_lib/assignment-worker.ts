/**
 * Child-process entry of the assignment benchmark: times one contender on one cached matrix
 * and reports over IPC. Running each contender in its own process lets the parent kill a peer
 * that passes the time cap, and keeps one library's heap and JIT state from skewing another's.
 *
 * argv: contender id, matrix path, rows, cols, maxReps, budgetMs.
 * Messages: `{ type: 'ready' }` once loaded (the cap starts then), then
 * `{ type: 'result', bestMs, reps, rowToCol, reportedTotal }` or `{ type: 'error', message }`.
 */
import { contenderById } from './assignment-contenders.js';
import { readMatrix } from './matrix-cache.js';
import { timeBest } from './timing.js';

/** Sends a message and resolves once it is flushed, so exiting cannot drop it. */
function send(message: object): Promise<void> {
  return new Promise((resolve, reject) => {
    if (!process.send) {
      reject(new Error('assignment-worker: must be started with an IPC channel (fork)'));
      return;
    }
    process.send(message, (error: Error | null) => (error ? reject(error) : resolve()));
  });
}

async function main(): Promise<void> {
  const [id, path, rowsArg, colsArg, maxRepsArg, budgetArg] = process.argv.slice(2);
  try {
    const contender = await contenderById(id).load();
    const matrix = readMatrix(path, Number(rowsArg), Number(colsArg));
    await send({ type: 'ready' });
    const timed = timeBest(
      () => contender.prepare(matrix),
      (run) => run(),
      { maxReps: Number(maxRepsArg), budgetMs: Number(budgetArg) },
    );
    const answer = contender.read(timed.result);
    await send({
      type: 'result',
      bestMs: timed.bestMs,
      reps: timed.reps,
      rowToCol: Array.from(answer.rowToCol),
      reportedTotal: answer.reportedTotal,
    });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    await send({ type: 'error', message });
  }
  process.disconnect?.();
}

await main();
