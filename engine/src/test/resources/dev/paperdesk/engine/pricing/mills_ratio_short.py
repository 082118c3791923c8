"""Generates the coefficients of MillsRatio (the Black-Scholes-Merton kernel's short-chain Mills ratio).

R(y) = (1 - Phi(y)) / phi(y) = sqrt(pi/2) * exp(y^2/2) * erfc(y/sqrt(2)).
On each interval [(i - 1/2)/16, (i + 1/2)/16], i = 0..128, R is interpolated at the 8 Chebyshev nodes in
w = 16y - i (w in [-1/2, 1/2]) in 40-digit arithmetic; the interpolating polynomial's monomial
coefficients, rounded to double, are printed as Java literals (8 per interval, constant term first),
followed by the largest relative error of the rounded polynomials (exact arithmetic) on a fine grid.
A second mode prints the reference values MillsRatioTest reads: a fixed-seed sample of [0, 8), every
interval edge and its neighbours 2^-40 away, in 40-digit arithmetic.
Run: python3 mills_ratio_short.py > coefficients.txt ; python3 mills_ratio_short.py reference > mills_ratio_short_mpmath.csv
"""
import random
import sys
import mpmath as mp

mp.mp.dps = 40
PER_UNIT = 16
DEGREE = 7
INTERVALS = 129


def mills(y):
    return mp.sqrt(mp.pi / 2) * mp.exp(y * y / 2) * mp.erfc(y / mp.sqrt(2))


def interval(i):
    nodes = [mp.cos(mp.pi * (k + mp.mpf(1) / 2) / (DEGREE + 1)) / 2 for k in range(DEGREE + 1)]
    values = [mills((i + w) / mp.mpf(PER_UNIT)) for w in nodes]
    vandermonde = mp.matrix([[w**j for j in range(DEGREE + 1)] for w in nodes])
    c = mp.lu_solve(vandermonde, mp.matrix(values))
    return [float(c[j]) for j in range(DEGREE + 1)]


def reference():
    random.seed(20261122)
    points = [random.random() * 8 for _ in range(1000)]
    for i in range(INTERVALS):
        edge = (i + 0.5) / PER_UNIT
        points += [edge, edge - 2.0**-40, edge + 2.0**-40]
    points += [0.0, 2.0**-40, 8.0 - 2.0**-40]
    print('y,mills')
    for y in sorted(p for p in points if 0 <= p < 8):
        print(repr(y) + ',' + mp.nstr(mills(mp.mpf(y)), 25))


if __name__ == '__main__' and len(sys.argv) > 1 and sys.argv[1] == 'reference':
    reference()
elif __name__ == '__main__':
    worst = 0
    for i in range(INTERVALS):
        c = interval(i)
        print('        ' + ', '.join(repr(v) for v in c) + ',')
        for t in range(33):
            w = mp.mpf(t) / 32 - mp.mpf(1) / 2
            y = (i + w) / PER_UNIT
            if y < 0:
                continue
            p = sum(mp.mpf(c[j]) * w**j for j in range(DEGREE + 1))
            worst = max(worst, abs(p / mills(y) - 1))
    print('// largest relative error of the rounded polynomials: ' + mp.nstr(worst, 3))
