"""Black-Scholes-Merton value and the five chain Greeks in 40-digit arithmetic (mpmath), for the tests.

Inputs are doubles (printed with repr, so the test reads the same numbers); a fixed-seed sample of
calls and puts with S = 100, K = 30..300, T = 1 day..5 years, sigma = 1%..200%, r = -2%..15%,
q = 0..10%, plus far-tail cases and at-the-money cases with a tiny sigma*sqrt(T). Run: python3 bsm_reference.py > bsm_mpmath.csv
"""
import random

import mpmath as mp

mp.mp.dps = 40


def bsm(sign, s, k, t, r, q, vol):
    s, k, t, r, q, vol = map(mp.mpf, (s, k, t, r, q, vol))
    sd = vol * mp.sqrt(t)
    d1 = (mp.log(s / k) + (r - q + vol * vol / 2) * t) / sd
    d2 = d1 - sd
    carry, disc = mp.exp(-q * t), mp.exp(-r * t)
    a = sign * s * carry * mp.ncdf(sign * d1)
    b = sign * k * disc * mp.ncdf(sign * d2)
    n1 = mp.npdf(d1)
    value = a - b
    delta = sign * carry * mp.ncdf(sign * d1)
    gamma = carry * n1 / (s * sd)
    vega = s * carry * n1 * mp.sqrt(t)
    theta = -s * carry * n1 * vol / (2 * mp.sqrt(t)) + q * a - r * b
    rho = t * b
    return value, delta, gamma, vega, theta, rho


def main():
    random.seed(20261121)
    cases = []
    for _ in range(600):
        cases.append((random.choice([1, -1]), 100.0, 100.0 * random.uniform(0.3, 3.0),
                      random.randint(1, 1826) / 365.0, random.uniform(-0.02, 0.15),
                      random.uniform(0.0, 0.10), random.uniform(0.01, 2.0)))
    # far tails: short expiries and low volatility far from the money (|d| up to ~37)
    for sign in (1, -1):
        for k in (50.0, 70.0, 90.0, 99.0, 101.0, 110.0, 140.0, 200.0):
            for t, vol in ((1 / 365.0, 0.05), (7 / 365.0, 0.1), (0.05, 0.3), (2.0, 0.02)):
                cases.append((sign, 100.0, k, t, 0.04, 0.01, vol))
    # at the money with a tiny sigma*sqrt(T): d is dominated by the drift, (r - q)T / (sigma sqrt T)
    for sign in (1, -1):
        for k in (100.0, 100.05, 99.9):
            for t, vol in ((0.01, 0.01), (1 / 365.0, 0.02), (0.004, 0.005)):
                for r, q in ((0.0, 0.01), (0.05, 0.08)):
                    cases.append((sign, 100.0, k, t, r, q, vol))
    print("sign,spot,strike,expiry,rate,dividend,volatility,value,delta,gamma,vega,theta,rho")
    for c in cases:
        out = bsm(*c)
        print(",".join(repr(x) for x in c) + "," + ",".join(mp.nstr(x, 20) for x in out))


if __name__ == "__main__":
    main()
