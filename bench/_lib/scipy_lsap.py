"""Times scipy.optimize.linear_sum_assignment on one cached matrix (bench/_lib/python.ts).

argv: matrix path, rows, cols, max_reps, budget_ms. Prints one JSON object:
{"bestMs", "reps", "rowToCol"}. Only the solve is timed (time.perf_counter), best of up to
max_reps runs while the runs add up to less than budget_ms, the same policy as the JS side.
"""
import json
import sys
import time

import numpy as np
from scipy.optimize import linear_sum_assignment


def main() -> None:
    path, rows, cols, max_reps, budget_ms = sys.argv[1:6]
    rows, cols, max_reps, budget_ms = int(rows), int(cols), int(max_reps), float(budget_ms)
    cost = np.fromfile(path, dtype="<f8").reshape(rows, cols)
    best = float("inf")
    spent = 0.0
    reps = 0
    while True:
        start = time.perf_counter()
        row_ind, col_ind = linear_sum_assignment(cost)
        ms = (time.perf_counter() - start) * 1000.0
        reps += 1
        spent += ms
        best = min(best, ms)
        if reps >= max_reps or spent >= budget_ms:
            break
    row_to_col = [-1] * rows
    for r, c in zip(row_ind.tolist(), col_ind.tolist()):
        row_to_col[r] = c
    json.dump({"bestMs": best, "reps": reps, "rowToCol": row_to_col}, sys.stdout)


if __name__ == "__main__":
    main()
