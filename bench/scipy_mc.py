#!/usr/bin/python3
"""Times a Monte Carlo iteration done with SciPy: perturb, re-solve, characterise.

Reads the two systems gpulca_bench_mc --out DIR writes: the H100 model
(DIR/A_h100.mtx, B_h100.mtx, C_h100.mtx, f_h100.mtx) and the large synthetic
system as its Monte Carlo builds it (DIR/A_large.mtx, ...). One
iteration: every entry of A off the diagonal and every entry of B times a
lognormal factor (gsd 1.1, NumPy's generator), the CSC matrix rebuilt from
the new values, s = spsolve(A, f) (SuperLU with MMD_AT_PLUS_A, the fastest
of its orderings on these matrices: bench/scipy_spsolve.py), h = C·(B·s). Prints iterations per second and a RESULT line for
bench/run. Run with Debian's /usr/bin/python3 and python3-scipy.
"""
import argparse
import math
import os
import time

import numpy as np
import scipy
import scipy.io
import scipy.sparse
import scipy.sparse.linalg


def load(directory, suffix):
    read = lambda name: scipy.io.mmread(os.path.join(directory, name + suffix + ".mtx"))
    a = read("A").tocsc()
    b = read("B").tocsc()
    c = read("C").tocsc()
    f = np.asarray(read("f")).ravel()
    return a, b, c, f


def iterations_per_second(a, b, c, f, iterations, rng, min_seconds):
    off_diagonal = np.repeat(np.arange(a.shape[1]), np.diff(a.indptr)) != a.indices
    sigma = math.log(1.1)
    done = 0
    start = time.perf_counter()
    while done < iterations or time.perf_counter() - start < min_seconds:
        ax = a.data * np.where(off_diagonal, rng.lognormal(0.0, sigma, a.nnz), 1.0)
        bx = b.data * rng.lognormal(0.0, sigma, b.nnz)
        a_i = scipy.sparse.csc_matrix((ax, a.indices, a.indptr), shape=a.shape)
        b_i = scipy.sparse.csc_matrix((bx, b.indices, b.indptr), shape=b.shape)
        s = scipy.sparse.linalg.spsolve(a_i, f, permc_spec="MMD_AT_PLUS_A")
        h = c @ (b_i @ s)
        if not np.all(np.isfinite(h)):
            raise SystemExit("scipy_mc: an iteration gave a non-finite impact")
        done += 1
    return done / (time.perf_counter() - start), done


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dir")
    parser.add_argument("--h100", type=int, default=2000)
    parser.add_argument("--large", type=int, default=2)
    args = parser.parse_args()
    rng = np.random.default_rng(42)
    print(f"SciPy {scipy.__version__}, Monte Carlo by spsolve on the perturbed matrix:")
    rates = {}
    for name, suffix, n, seconds in (("h100", "_h100", args.h100, 2.0),
                                     ("large", "_large", args.large, 0.0)):
        a, b, c, f = load(args.dir, suffix)
        rate, done = iterations_per_second(a, b, c, f, n, rng, seconds)
        rates[name] = rate
        print(f"  {name:<6} A {a.shape[0]}x{a.shape[1]}, {a.nnz} entries: "
              f"{rate:10.2f} it/s ({done} iterations)")
    print(f"RESULT scipy_h100_its={rates['h100']:.2f} scipy_large_its={rates['large']:.4f}")


if __name__ == "__main__":
    main()
