"""Generates the Mills ratio coefficients of StandardNormal and the mpmath reference values its tests read.

R(y) = (1 - Phi(y)) / phi(y) = sqrt(pi/2) * exp(y^2/2) * erfc(y/sqrt(2)).
On each interval [i/2, (i+1)/2), i = 0..77, R is interpolated at the 13 Chebyshev nodes in
v = 2y - i - 1/2 (v in [-1/2, 1/2]) in 40-digit arithmetic; the interpolating polynomial's monomial
coefficients, rounded to double, are printed as Java literals (13 per interval, constant term first).
Run: python3 mills_ratio.py table > coefficients.txt ; python3 mills_ratio.py reference > normal_cdf_mpmath.csv
"""
import random
import sys

import mpmath as mp

mp.mp.dps = 40
WIDTH = mp.mpf(1) / 2
DEGREE = 12
INTERVALS = 78


def mills(y):
    return mp.sqrt(mp.pi / 2) * mp.exp(y * y / 2) * mp.erfc(y / mp.sqrt(2))


def interval(i):
    a = i * WIDTH
    nodes = [mp.cos(mp.pi * (k + mp.mpf(1) / 2) / (DEGREE + 1)) / 2 for k in range(DEGREE + 1)]
    values = [mills(a + WIDTH * (v + mp.mpf(1) / 2)) for v in nodes]
    vandermonde = mp.matrix([[v**j for j in range(DEGREE + 1)] for v in nodes])
    c = mp.lu_solve(vandermonde, mp.matrix(values))
    return [float(c[j]) for j in range(DEGREE + 1)]


def table():
    for i in range(INTERVALS):
        print("            // [%s, %s)" % (i / 2, (i + 1) / 2))
        print("            " + ", ".join(repr(c) for c in interval(i)) + ",")


def reference():
    # x, Phi(x), R(|x|): a fixed-seed sample of the line plus the interval edges and their neighbours
    random.seed(20261121)
    xs = set()
    for i in range(-77, 18):
        edge = i / 2
        xs.update([edge, mp.nstr(edge, 17)])
        xs.add(float(mp.mpf(edge) - mp.mpf(2) ** -40))
        xs.add(float(mp.mpf(edge) + mp.mpf(2) ** -40))
    xs = {float(x) for x in xs}
    while len(xs) < 1500:
        xs.add(random.uniform(-38.5, 8.7))
    for x in [0.0, 1e-300, -1e-20, 1e-9, -0.3, 38.9, -38.4, 45.0, -45.0]:
        xs.add(x)
    print("x,cdf,mills")
    for x in sorted(xs):
        m = mp.mpf(x)
        print("%r,%s,%s" % (x, mp.nstr(mp.ncdf(m), 20), mp.nstr(mills(abs(m)), 20)))


if __name__ == "__main__":
    table() if sys.argv[1] == "table" else reference()
