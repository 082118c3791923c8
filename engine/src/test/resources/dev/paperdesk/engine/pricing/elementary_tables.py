"""Generates the tables of ElementaryFunctions (inlined e^x and ln x) in 40-digit arithmetic.

exp: 2^(j/64), j = 0..63, correctly rounded to double (hi) and the remainder rounded to double (lo).
log: 128 subintervals of z = x/2^k in [OFF, 2*OFF) with OFF just below 0.6875 (see ElementaryFunctions), the
index taken from z's bits rounded to the nearest 2^-7 of the binade, so the entry of index 80 is centred on
1.0 (invc = 1, ln c = 0 exactly: no cancellation near x = 1). Per entry: invc = 1/c rounded to double for the
centre c of the entry's range, and -ln(invc) = ln c' (c' = 1/invc exactly) as hi + lo doubles.
Run: python3 elementary_tables.py > tables.txt
"""
import mpmath as mp

mp.mp.dps = 40


def hx(v):
    return float(v).hex()


def exp_table():
    hi = [mp.power(2, mp.mpf(j) / 64) for j in range(64)]
    return [hx(v) for v in hi], [hx(v - mp.mpf(float(v))) for v in hi]


def log_table():
    # Index i of x's bits (ix + 2^44 - 0x3fe6000000000000) >> 45 & 127: z's range for entry i is, in bits,
    # [0x3fe6000000000000 + i*2^45 - 2^44, ... + 2^45) -- two binades: i < 80 below 1.0, i >= 80 from 1.0.
    import struct

    def bits_to_double(b):
        return struct.unpack('<d', struct.pack('<Q', b))[0]

    rows = []
    for i in range(128):
        lo_bits = 0x3fe6000000000000 + (i << 45) - (1 << 44)
        hi_bits = lo_bits + (1 << 45)
        a = mp.mpf(bits_to_double(lo_bits))
        b = mp.mpf(bits_to_double(hi_bits))
        if i == 80:
            invc = 1.0
        else:
            # the range is [a, b) in value when both ends share a binade; entry 79 straddles 1.0 in bits
            # only if hi_bits crosses 0x3ff0000000000000, which it does not (i = 80 starts at 1.0 - 2^-9)
            invc = float(2 / (a + b))
        logc = -mp.log(mp.mpf(invc))
        h = float(logc)
        l = float(logc - mp.mpf(h))
        rows.append((hx(invc), hx(h), hx(l)))
    return rows


if __name__ == '__main__':
    print('EXP')
    hi, lo = exp_table()
    print(', '.join(hi))
    print(', '.join(lo))
    print('LOG')
    for r in log_table():
        print(', '.join(r) + ',')
