#!/usr/bin/python3
"""Times scipy.sparse.linalg.spsolve on the benchmark system.

Reads DIR/A.mtx and DIR/f.mtx (written by gpulca_generate_system), converts A
to CSC outside the timer, and times spsolve(A, f) - SuperLU, since
scikit-umfpack is not installed - best of --repeats runs (a single run when
one takes over 10 s: the noise is then irrelevant). Times SciPy's default
column ordering (COLAMD) and MMD_AT_PLUS_A, the best SuperLU ordering for
these matrices. Compares each solution with DIR/s.txt (gpulca's, from
gpulca_bench_calc --out DIR) and prints a RESULT line for bench/run.

Run with Debian's /usr/bin/python3 and python3-scipy.
"""
import argparse
import os
import time

import numpy as np
import scipy
import scipy.io
import scipy.sparse.linalg


def max_relative_difference(x, y):
    scale = np.max(np.abs(y))
    return float(np.max(np.abs(x - y) / np.maximum(np.abs(y), 1e-12 * scale)))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dir", help="directory with A.mtx, f.mtx and s.txt")
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--orderings", default="COLAMD,MMD_AT_PLUS_A")
    args = parser.parse_args()

    a = scipy.io.mmread(os.path.join(args.dir, "A.mtx")).tocsc()
    f = np.asarray(scipy.io.mmread(os.path.join(args.dir, "f.mtx"))).ravel()
    s_gpulca = np.loadtxt(os.path.join(args.dir, "s.txt"))
    print(f"SciPy {scipy.__version__}: A {a.shape[0]}x{a.shape[1]}, {a.nnz} entries")

    result = {}
    for ordering in args.orderings.split(","):
        best = float("inf")
        for _ in range(args.repeats):
            start = time.perf_counter()
            s = scipy.sparse.linalg.spsolve(a, f, permc_spec=ordering)
            elapsed = (time.perf_counter() - start) * 1000.0
            best = min(best, elapsed)
            if elapsed > 10_000:
                break
        diff = max_relative_difference(s_gpulca, s)
        print(f"  spsolve, permc_spec={ordering:<14} {best:12.1f} ms"
              f"   max rel. diff. of s vs gpulca {diff:.2e}")
        result[ordering] = (best, diff)

    default = result.get("COLAMD", next(iter(result.values())))
    best_ordering = min(result.values())
    print(f"RESULT scipy_ms={default[0]:.3f} scipy_best_ms={best_ordering[0]:.3f} "
          f"max_rel_diff={max(d for _, d in result.values()):.3e}")


if __name__ == "__main__":
    main()
