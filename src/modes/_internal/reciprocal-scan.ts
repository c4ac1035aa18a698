import type { CompatibilityCandidates } from '../../compatibility/types.js';

/**
 * Scans `matchReciprocalParallel` built for the one `matchReciprocal` call it passes them to,
 * under that call's program and options: their lists' scores are used as they are, like the
 * call's own scan (`buildPeerGraph`). Never handed to anyone else.
 */
export const ownScans = new WeakSet<CompatibilityCandidates>();

/** Top-k path: receivers and givers scanned per peer for each pair partner kept. */
const SCAN_FACTOR = 3;
/** `buildCandidates`' largest `k`. */
const MAX_SCAN = 10_000;

/**
 * The two k of the reciprocal top-k path among `n` peers, from the `candidates` in force:
 * `pairs`, each peer's best pairs kept for the blossom (at most n − 1), and `scan`, each peer's
 * best receivers and givers scanned (`buildCandidates`' k; `SCAN_FACTOR` times as many, as far
 * as there are peers and `buildCandidates` goes). `matchReciprocalParallel` scans with the same.
 */
export function reciprocalTopK(
  n: number,
  candidates: number,
): { readonly pairs: number; readonly scan: number; readonly rule: string } {
  const most = Math.max(1, n - 1);
  const pairs = Math.min(most, candidates);
  return {
    pairs,
    scan: Math.min(most, SCAN_FACTOR * pairs, MAX_SCAN),
    rule: `each peer's best receivers and givers: min(peers − 1, ${SCAN_FACTOR} × the ${pairs} pairs kept per peer, ${MAX_SCAN.toLocaleString('en-US')})`,
  };
}
