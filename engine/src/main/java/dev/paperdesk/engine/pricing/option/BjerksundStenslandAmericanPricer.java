package dev.paperdesk.engine.pricing.option;

import dev.paperdesk.engine.model.Instrument.OptionStyle;
import dev.paperdesk.engine.pricing.BivariateNormal;
import dev.paperdesk.engine.pricing.StandardNormal;

/**
 * American option by the Bjerksund–Stensland (2002) closed-form approximation, for live chains where a
 * tree per contract is too slow.
 *
 * <p>The approximation values a two-step flat exercise boundary (Bjerksund and Stensland, "Closed form
 * valuation of American options", NHH working paper 2002; formulas as in Haug, "The Complete Guide to
 * Option Pricing Formulas", 2nd ed., §3.1.4), so it is a lower bound of the American value, typically
 * within a few cents of it for listed-option parameters. Puts use the put–call transformation
 * P(S, K, T, r, b, σ) = C(K, S, T, r − b, −b, σ). A call with b ≥ r is never exercised early and is
 * priced as European. The result is floored at the European value and the intrinsic value, both of
 * which are also lower bounds. {@link #valuation} bumps every input; the chain kernel {@link
 * #priceAndGreeks} differentiates the closed form in the spot, the volatility, the rate and the expiry.
 */
public final class BjerksundStenslandAmericanPricer implements OptionPricer {
    /** The shared instance; the pricer holds no state. */
    public static final BjerksundStenslandAmericanPricer DEFAULT = new BjerksundStenslandAmericanPricer();

    private BjerksundStenslandAmericanPricer() {}

    @Override
    public OptionStyle style() {
        return OptionStyle.AMERICAN;
    }

    @Override
    public double price(OptionInputs in) {
        return price(in.sign(), in.spot(), in.strike(), in.expiry(), in.rate(), in.dividendYield(), in.volatility());
    }

    /**
     * The most tangents a pass carries (σ, rate, T); the tangent loops run to this constant and stop at
     * the workspace's {@code directions}, so that the JIT unrolls them fully (a loop to a field's value
     * keeps its counter, bounds checks and pre- and post-loops for one or three iterations).
     */
    private static final int TANGENTS = 3;

    /** t1/T = (√5 − 1)/2, the golden-ratio split of the two-step boundary. */
    private static final double SPLIT = 0.5 * (Math.sqrt(5.0) - 1.0);

    private static final double SQRT_SPLIT = Math.sqrt(SPLIT);
    /** The correlation √(t1/T) of the Brownian motion at t1 and T is the same for every option. */
    private static final BivariateNormal.FixedCorrelation PLUS =
            BivariateNormal.FixedCorrelation.cubicSubstitution(SQRT_SPLIT, 8);

    private static final BivariateNormal.FixedCorrelation MINUS =
            BivariateNormal.FixedCorrelation.cubicSubstitution(-SQRT_SPLIT, 8);

    /**
     * The value of an American option, θ = +1 call or −1 put, without allocating: the approximation
     * floored at the European and intrinsic values.
     */
    public static double price(double sign, double s, double k, double t, double r, double q, double vol) {
        return price(sign, s, k, t, r, q, vol, WORKSPACE.get());
    }

    static double price(double sign, double s, double k, double t, double r, double q, double vol, Workspace w) {
        double intrinsic = Math.max(sign * (s - k), 0.0);
        double european = BlackScholesEuropeanPricer.price(sign, s, k, t, r, q, vol);
        return Math.max(approximation(sign, s, k, t, r, q, vol, w), Math.max(european, intrinsic));
    }

    /** The bare approximation (0 where it is undefined), before the European and intrinsic floors. */
    private static double approximation(
            double sign, double s, double k, double t, double r, double q, double vol, Workspace w) {
        if (!(t > 0.0 && vol > 0.0)) {
            return 0.0;
        }
        double b = r - q;
        double approx = sign > 0 ? call(s, k, t, r, b, vol, w) : call(k, s, t, r - b, -b, vol, w);
        if (Double.isFinite(approx)) {
            return approx;
        }
        w.dx = Double.NaN;
        return 0.0; // outside the approximation's domain the floors hold
    }

    /**
     * The per-exponent terms of one evaluation, reused from one evaluation to the next so that a value
     * allocates nothing (the JIT does not scalar-replace three 14-field objects across a call this large).
     * One workspace belongs to one thread: {@link PriceAndGreeks} carries one, and the static entry points
     * without a holder take the calling thread's.
     *
     * <p>With {@link #spot} set, the call also carries three tangents through the closed form (forward-mode
     * derivatives): index 0 along σ, 1 along the rate (r and b moving by {@link #rateR} and {@link #rateB}
     * per unit), 2 along T. Arrays named d… hold an intermediate's tangents.
     */
    static final class Workspace implements AmericanImpliedVolatilitySolver.ValueAndVega {
        final Terms gb = new Terms();
        final Terms g1 = new Terms();
        final Terms g0 = new Terms();
        /** Whether {@link #call} also accumulates its derivatives: in x = ln S, and along σ, rate and T. */
        boolean spot;
        /** ∂C/∂ln S of the last call value (S·delta), valid when {@link #spot} was set. */
        double dx;
        /** ∂²C/∂(ln S)² of the last call value (S²·gamma + S·delta). */
        double dxx;
        /** How many of the tangents (σ, rate, T) to carry: 3 for the chain's Greeks, 1 for vega alone. */
        int directions = 3;
        /** How the call's r and b move per unit of the option's rate (a put's call has r = q and b = q − r). */
        double rateR;

        double rateB;
        /** ∂C/∂σ, ∂C/∂rate and ∂C/∂T of the last call value (NaN where the closed form gave none). */
        final double[] dp = new double[3];

        final double[] dR = new double[3];
        final double[] dB = new double[3];
        final double[] dV2 = new double[3];
        final double[] dBv = new double[3];
        final double[] dT1 = new double[3];
        final double[] dT = new double[3];
        final double[] dBeta = new double[3];
        final double[] dL1 = new double[3];
        final double[] dL2 = new double[3];
        final double[] dSd1 = new double[3];
        final double[] dSd = new double[3];
        /** 1/σ√t1, 1/σ√T and 1/(σ√T·√(t1/T)) of the last call, for the tangents and the spot derivatives. */
        double invSd1;

        double invSd;
        double invSdSplit;
        /**
         * The call's S, K, T, r, b of the last value that reached the closed form's terms, with ln S and ln K
         * (NaN at first, so that nothing matches): while they repeat, γ = 0's and 1's S^γe^{λt} in {@link
         * #g0} and {@link #g1} are still those of the contract.
         */
        double keyS = Double.NaN;

        double keyK = Double.NaN;
        double keyT = Double.NaN;
        double keyR = Double.NaN;
        double keyB = Double.NaN;
        double keyLogS;
        double keyLogK;
        /** The tangents of a constant (γ = 1 and 0, ln K). */
        final double[] zero = new double[3];

        /** The contract whose value and vega {@link #value(double)} gives, set before an implied-volatility solve. */
        private double sign;

        private double s;
        private double k;
        private double t;
        private double r;
        private double q;
        private double vega;
        /** The European value at the volatility of the last {@link #value} or {@link #valueAndGreeks}. */
        double european;
        /** Where {@link #valueAndGreeks} writes: the holder this workspace belongs to, or null. */
        private PriceAndGreeks holder;
        /** The approximation (before its floors) of the last {@link #value} pass, and that pass's volatility. */
        double approx;

        private double valueVol = Double.NaN;

        Workspace contract(double sign, double s, double k, double t, double r, double q) {
            this.sign = sign;
            this.s = s;
            this.k = k;
            this.t = t;
            this.r = r;
            this.q = q;
            this.holder = null;
            this.valueVol = Double.NaN;
            return this;
        }

        Workspace contract(double sign, double s, double k, double t, double r, double q, PriceAndGreeks holder) {
            contract(sign, s, k, t, r, q);
            this.holder = holder;
            return this;
        }

        @Override
        public double value(double vol) {
            double value = valueAndVega(sign, s, k, t, r, q, vol, this);
            vega = dp[0];
            valueVol = vol;
            return value;
        }

        @Override
        public double europeanGreeks(double vol) {
            if (!(vol == valueVol) || holder == null || (sign > 0 && q <= 0.0)) {
                return Double.NaN;
            }
            // fillPriceAndGreeks' own test, on the value pass's approximation (the same operations give the
            // same bits whichever tangents a pass carries): below it the holder keeps the European Greeks
            BlackScholesEuropeanPricer.priceAndGreeks(sign, s, k, t, r, q, vol, holder);
            double europeanValue = holder.value;
            double intrinsic = Math.max(sign * (s - k), 0.0);
            if (Math.max(approx, intrinsic) > europeanValue + 1e-9) {
                return Double.NaN;
            }
            european = europeanValue;
            vega = holder.vega;
            return Math.max(approx, Math.max(europeanValue, intrinsic));
        }

        @Override
        public double valueAndGreeks(double vol) {
            double value = fillPriceAndGreeks(sign, s, k, t, r, q, vol, holder);
            vega = holder.vega;
            return value;
        }

        @Override
        public double vega() {
            return vega;
        }

        @Override
        public double european() {
            return european;
        }
    }

    /**
     * The value {@link #price} gives, with its vega ∂V/∂σ left in {@code w.dp[0]}: one pass of the closed
     * form carrying the volatility's tangent alone (the implied-volatility solve's step). Where a floor is
     * the value the vega is the floor's: the European vega, or 0 at the intrinsic value; NaN where the
     * closed form gave no finite vega.
     */
    static double valueAndVega(double sign, double s, double k, double t, double r, double q, double vol, Workspace w) {
        double intrinsic = Math.max(sign * (s - k), 0.0);
        double european = BlackScholesEuropeanPricer.price(sign, s, k, t, r, q, vol);
        w.european = european;
        w.spot = true;
        w.directions = 1;
        w.rateR = sign > 0 ? 1.0 : 0.0;
        w.rateB = sign > 0 ? 1.0 : -1.0;
        double approx;
        try {
            approx = approximation(sign, s, k, t, r, q, vol, w);
        } finally {
            w.spot = false;
            w.directions = 3;
        }
        w.approx = approx;
        double value = Math.max(approx, Math.max(european, intrinsic));
        if (!(approx > european && approx >= intrinsic && t > 0.0 && vol > 0.0)) {
            w.dp[0] = european >= intrinsic ? europeanVega(s, k, t, r, q, vol) : 0.0;
        }
        return value;
    }

    /** The Black–Scholes–Merton vega S·e^{−qT}·√T·n(d1). */
    static double europeanVega(double s, double k, double t, double r, double q, double vol) {
        if (!(t > 0.0 && vol > 0.0)) {
            return 0.0;
        }
        double sqrtT = Math.sqrt(t);
        double sd = vol * sqrtT;
        double d1 = (Math.log(s / k) + (r - q) * t) / sd + 0.5 * sd;
        return s * Math.exp(-q * t) * sqrtT * StandardNormal.pdfInline(d1);
    }

    private static final ThreadLocal<Workspace> WORKSPACE = ThreadLocal.withInitial(Workspace::new);

    /**
     * Value and five Greeks of an American option into {@code out}, without allocating: the live chain's
     * kernel. Where the approximation adds nothing to the European value (every call with b ≥ r, and
     * wherever the early-exercise premium is below 1e-9) the analytic Black–Scholes–Merton Greeks are
     * exact. Otherwise all five are the closed form's analytic derivatives, computed in the same pass as
     * the value: delta and gamma in the spot (puts through the formula's homogeneity in spot and strike),
     * vega, rho (q fixed) and theta = −∂V/∂T by forward-mode differentiation through β, the triggers, t1,
     * α1, α2 and every argument. Where the closed form gives no finite derivative the spot is bumped ±0.1%
     * and the others one-sided (volatility +0.001, rate +1 bp, time one calendar day or half the remaining
     * time). At or beyond the exercise boundary the value is intrinsic: delta ±1, the other Greeks 0.
     */
    public static void priceAndGreeks(
            double sign, double s, double k, double t, double r, double q, double vol, PriceAndGreeks out) {
        fillPriceAndGreeks(sign, s, k, t, r, q, vol, out);
    }

    /**
     * {@link #priceAndGreeks}, returning the value {@link #price} gives at the same point (the approximation
     * floored at the European and intrinsic values), which the implied-volatility solve compares with the
     * market price. The holder's value can differ from it only where the premium over the European value
     * is below 1e-9, where the holder keeps the European value and Greeks.
     */
    static double fillPriceAndGreeks(
            double sign, double s, double k, double t, double r, double q, double vol, PriceAndGreeks out) {
        BlackScholesEuropeanPricer.priceAndGreeks(sign, s, k, t, r, q, vol, out);
        double european = out.value;
        out.bs2002().european = european;
        double intrinsic = Math.max(sign * (s - k), 0.0);
        if (sign > 0 && q <= 0.0) {
            return Math.max(european, intrinsic); // b ≥ r: never exercised early
        }
        Workspace w = out.bs2002();
        w.spot = true;
        // a call's r and b = r − q both move with r; a put is C(K, S, T, q, q − r, σ), whose b falls
        w.rateR = sign > 0 ? 1.0 : 0.0;
        w.rateB = sign > 0 ? 1.0 : -1.0;
        double approx;
        try {
            approx = approximation(sign, s, k, t, r, q, vol, w);
        } finally {
            w.spot = false;
        }
        double value = Math.max(approx, intrinsic);
        double floored = Math.max(approx, Math.max(european, intrinsic));
        if (!(value > out.value + 1e-9)) {
            return floored;
        }
        if (!(t > 0.0 && vol > 0.0)) {
            out.set(value, sign, 0.0, 0.0, 0.0, 0.0);
            return floored;
        }
        if (!(approx >= intrinsic)) {
            out.set(value, sign, 0.0, 0.0, 0.0, 0.0); // exercised now: the value is S − K or K − S
            return floored;
        }
        double delta;
        double gamma;
        if (sign > 0) {
            delta = w.dx / s;
            gamma = (w.dxx - w.dx) / (s * s);
        } else {
            // the put is the call C(K, S) with the spot in the strike's place; C is homogeneous of degree
            // one in (spot, strike), so ∂C/∂K = (C − S'·∂C/∂S')/K and ∂²C/∂K² = S'²·∂²C/∂S'²/K²
            delta = (approx - w.dx) / s;
            gamma = (w.dxx - w.dx) / (s * s);
        }
        double vega = w.dp[0];
        double rho = w.dp[1];
        double theta = -w.dp[2];
        if (!(Double.isFinite(delta) && Double.isFinite(gamma))) {
            // outside the closed form's range (a European call leg, an overflow): bump the value instead
            double h = s * 1e-3;
            double up = price(sign, s + h, k, t, r, q, vol, w);
            double down = price(sign, s - h, k, t, r, q, vol, w);
            delta = (up - down) / (2 * h);
            gamma = (up - 2 * value + down) / (h * h);
        }
        if (!(Double.isFinite(vega) && Double.isFinite(rho) && Double.isFinite(theta))) {
            double dv = 1e-3;
            double dr = 1e-4;
            double dt = Math.min(1.0 / 365.0, 0.5 * t);
            vega = (price(sign, s, k, t, r, q, vol + dv, w) - value) / dv;
            theta = (price(sign, s, k, t - dt, r, q, vol, w) - value) / dt;
            rho = (price(sign, s, k, t, r + dr, q, vol, w) - value) / dr;
        }
        out.set(value, delta, gamma, vega, theta, rho);
        return floored;
    }

    /**
     * The American call C(S, K, T, r, b, σ) of Bjerksund and Stensland (2002), Haug §3.1.4:
     *
     * <pre>
     *   C = α2·S^β − α2·φ(S, t1, β, I2, I2) + φ(S, t1, 1, I2, I2) − φ(S, t1, 1, I1, I2)
     *       − K·φ(S, t1, 0, I2, I2) + K·φ(S, t1, 0, I1, I2) + α1·φ(S, t1, β, I1, I2)
     *       − α1·ψ(S, T, β, I1, I2, I1, t1) + ψ(S, T, 1, I1, I2, I1, t1) − ψ(S, T, 1, K, I2, I1, t1)
     *       − K·ψ(S, T, 0, I1, I2, I1, t1) + K·ψ(S, T, 0, K, I2, I1, t1)
     * </pre>
     *
     * with t1 = ½(√5 − 1)T and the flat triggers I1 (to t1) and I2 (from t1). Every logarithm, power and
     * λ, κ, drift factor depends on the exponent γ ∈ {β, 1, 0} and not on the barrier H, so each is
     * computed once per γ; ψ's four bivariate normals share ρ = ±√(t1/T), a constant.
     */
    static double call(double s, double k, double t, double r, double b, double v) {
        return call(s, k, t, r, b, v, WORKSPACE.get());
    }

    /** All three tangents to one value: plain stores, which {@code Arrays.fill}'s loop costs more than here. */
    private static void setTangents(double[] dp, double value) {
        dp[0] = value;
        dp[1] = value;
        dp[2] = value;
    }

    private static double call(double s, double k, double t, double r, double b, double v, Workspace w) {
        w.dx = Double.NaN; // no derivatives unless the closed form below supplies them
        w.dxx = Double.NaN;
        boolean spot = w.spot;
        if (spot) {
            setTangents(w.dp, Double.NaN);
        }
        if (b >= r) {
            return BlackScholesEuropeanPricer.price(1.0, s, k, t, r, r - b, v);
        }
        double v2 = v * v;
        double bv = b / v2;
        double root = Math.sqrt((bv - 0.5) * (bv - 0.5) + 2.0 * r / v2);
        double beta = (0.5 - bv) + root;
        double bInf = beta / (beta - 1.0) * k;
        double carry = r / (r - b) * k;
        double b0 = Math.max(k, carry);
        double t1 = SPLIT * t;
        double sqrtT = Math.sqrt(t);
        double sqrtT1 = SQRT_SPLIT * sqrtT;
        double spread = bInf - b0;
        double scale = k * k / (spread * b0);
        double h1 = b * t1 + 2.0 * v * sqrtT1;
        double h2 = b * t + 2.0 * v * sqrtT;
        double x1 = Math.exp(-h1 * scale);
        double x2 = Math.exp(-h2 * scale);
        double i1 = b0 + spread * (1.0 - x1);
        double i2 = b0 + spread * (1.0 - x2);
        if (s >= i2) {
            w.dx = s; // S − K
            w.dxx = s;
            if (spot) {
                setTangents(w.dp, 0.0);
            }
            return s - k;
        }
        // ln S, ln K and γ = 0's and 1's S^γe^{λt} (λ = −r, b − r) do not depend on σ: an implied-volatility
        // solve's passes on one contract compute them once (the same operations, so the same bits)
        boolean sameContract = s == w.keyS && k == w.keyK && t == w.keyT && r == w.keyR && b == w.keyB;
        double ls;
        double lk;
        if (sameContract) {
            ls = w.keyLogS;
            lk = w.keyLogK;
        } else {
            ls = Math.log(s);
            lk = Math.log(k);
            w.keyS = s;
            w.keyK = k;
            w.keyT = t;
            w.keyR = r;
            w.keyB = b;
            w.keyLogS = ls;
            w.keyLogK = lk;
        }
        double l1 = Math.log(i1);
        double l2 = Math.log(i2);
        double sd1 = v * sqrtT1;
        double sd = v * sqrtT;
        double u1 = Math.exp(-beta * l1);
        double u2 = Math.exp(-beta * l2);
        double alpha1 = (i1 - k) * u1;
        double alpha2 = (i2 - k) * u2;
        double sBeta = Math.exp(beta * ls);
        if (spot) {
            w.invSd1 = 1.0 / sd1;
            w.invSd = 1.0 / sd;
            w.invSdSplit = 1.0 / (sd * SQRT_SPLIT);
            // tangents of everything the terms share: direction 0 is σ, 1 the rate, 2 the expiry; the
            // reciprocals once, off the tangents' dependency chain (a division per step would sit on it)
            double iv2 = 1.0 / v2;
            double iRoot = 1.0 / root;
            double betaM1 = beta - 1.0;
            double dBInfPerBeta = -k / (betaM1 * betaM1);
            double dB0PerRate = carry > k ? k / ((r - b) * (r - b)) : 0.0;
            double iSpread = 1.0 / spread;
            double iB0 = 1.0 / b0;
            double halfInvSqrtT = 0.5 / sqrtT;
            double iI1 = 1.0 / i1;
            double iI2 = 1.0 / i2;
            for (int j = 0; j < TANGENTS; j++) {
                if (j == w.directions) {
                    break;
                }
                double dv = j == 0 ? 1.0 : 0.0;
                double dr = j == 1 ? w.rateR : 0.0;
                double db = j == 1 ? w.rateB : 0.0;
                double dt = j == 2 ? 1.0 : 0.0;
                double dv2 = 2.0 * v * dv;
                double dbv = (db - bv * dv2) * iv2;
                double dRoot = ((bv - 0.5) * dbv + (dr - r * dv2 * iv2) * iv2) * iRoot;
                double dBeta = -dbv + dRoot;
                double dBInf = dBInfPerBeta * dBeta;
                double dB0 = dB0PerRate * (r * db - b * dr);
                double dSpread = dBInf - dB0;
                double dScale = -scale * (dSpread * iSpread + dB0 * iB0);
                double dt1 = SPLIT * dt;
                double dSqrtT = halfInvSqrtT * dt;
                double dSqrtT1 = SQRT_SPLIT * dSqrtT;
                double dh1 = db * t1 + b * dt1 + 2.0 * (dv * sqrtT1 + v * dSqrtT1);
                double dh2 = db * t + b * dt + 2.0 * (dv * sqrtT + v * dSqrtT);
                double di1 = dB0 + dSpread * (1.0 - x1) + spread * x1 * (dh1 * scale + h1 * dScale);
                double di2 = dB0 + dSpread * (1.0 - x2) + spread * x2 * (dh2 * scale + h2 * dScale);
                double dl1 = di1 * iI1;
                double dl2 = di2 * iI2;
                w.dR[j] = dr;
                w.dB[j] = db;
                w.dV2[j] = dv2;
                w.dBv[j] = dbv;
                w.dT1[j] = dt1;
                w.dT[j] = dt;
                w.dBeta[j] = dBeta;
                w.dL1[j] = dl1;
                w.dL2[j] = dl2;
                w.dSd1[j] = dv * sqrtT1 + v * dSqrtT1;
                w.dSd[j] = dv * sqrtT + v * dSqrtT;
                // α2·S^β: its own tangent; α1's and α2's are added below, once their terms are known
                w.dp[j] = alpha2 * sBeta * ls * dBeta;
            }
        }
        Terms gb = w.gb.set(beta, w.dBeta, ls, l1, l2, r, b, v2, t1, t, sd1, false, w);
        Terms g1 = w.g1.set(1.0, w.zero, ls, l1, l2, r, b, v2, t1, t, sd1, sameContract, w);
        Terms g0 = w.g0.set(0.0, w.zero, ls, l1, l2, r, b, v2, t1, t, sd1, sameContract, w);
        if (spot) {
            w.dx = alpha2 * beta * sBeta; // the φ and ψ below add theirs
            w.dxx = alpha2 * beta * beta * sBeta;
        }
        double phiBeta2 = gb.phi(l2, w.dL2, ls, l2, t1, sd1, -alpha2, w);
        double phiBeta1 = gb.phiI1(ls, l2, sd1, alpha1, w);
        double psiBeta1 = gb.psi(l1, w.dL1, ls, l1, l2, t, sd, -alpha1, w);
        double value = alpha2 * sBeta
                - alpha2 * phiBeta2
                + g1.phi(l2, w.dL2, ls, l2, t1, sd1, 1.0, w)
                - g1.phiI1(ls, l2, sd1, -1.0, w)
                - k * g0.phi(l2, w.dL2, ls, l2, t1, sd1, -k, w)
                + k * g0.phiI1(ls, l2, sd1, k, w)
                + alpha1 * phiBeta1
                - alpha1 * psiBeta1
                + g1.psi(l1, w.dL1, ls, l1, l2, t, sd, 1.0, w)
                - g1.psi(lk, w.zero, ls, l1, l2, t, sd, -1.0, w)
                - k * g0.psi(l1, w.dL1, ls, l1, l2, t, sd, -k, w)
                + k * g0.psi(lk, w.zero, ls, l1, l2, t, sd, k, w);
        if (spot) {
            for (int j = 0; j < TANGENTS; j++) {
                if (j == w.directions) {
                    break;
                }
                double dl1 = w.dL1[j];
                double dl2 = w.dL2[j];
                double dBeta = w.dBeta[j];
                // α = (I − K)·e^{−β ln I}
                double dAlpha1 = dl1 * i1 * u1 - alpha1 * (dBeta * l1 + beta * dl1);
                double dAlpha2 = dl2 * i2 * u2 - alpha2 * (dBeta * l2 + beta * dl2);
                w.dp[j] += dAlpha2 * (sBeta - phiBeta2) + dAlpha1 * (phiBeta1 - psiBeta1);
            }
        }
        return value;
    }

    /**
     * What φ and ψ share for one exponent γ: λ = −r + γb + ½γ(γ − 1)σ², the drift b + (γ − ½)σ², κ =
     * 2b/σ² + 2γ − 1, the powers S^γ·e^{λt}, (I2/S)^κ, (I1/S)^κ, (I1/I2)^κ, and ψ's t1 arguments e1..e4
     * with their normal probabilities Φ(−e_i). Mutable and reused through a {@link Workspace}.
     *
     * <p>With {@code spot} set, φ and ψ also add their first and second derivatives in x = ln S, times
     * their coefficient in the formula, to the workspace. The triggers I1, I2, α1, α2 and β do not depend
     * on S; e_i and ψ's f_i move by ±1/(σ√t1) and ±1/(σ√T) per unit of x, and ∂M(a, b; ρ)/∂a =
     * n(a)·Φ((b − ρa)/√(1 − ρ²)), ∂²M/∂a∂b = the bivariate density. They add their tangents along σ, rate
     * and T likewise: the powers by their logarithmic tangents (g…), the arguments by theirs (de…), the
     * bivariate normals through their partials in a and b.
     */
    static final class Terms {
        double gamma;
        double kappa;
        double drift;
        double scaleT1;
        double scaleT;
        double pow2;
        double pow1;
        double pow12;
        double e1;
        double e2;
        double e3;
        double e4;
        double n1;
        double n2;
        double n3;
        double n4;
        /** ln of pow2, for the derivative term P·n(d') whose exponentials are merged. */
        double logPow2;

        /** The densities n(e_i). */
        double p1;

        double p2;
        double p3;
        double p4;
        /** A bivariate value, its two x-derivatives and its partials in a and b. */
        final double[] bv = new double[5];
        /** Logarithmic tangents of S^γe^{λt1}, S^γe^{λT}, (I2/S)^κ, (I1/S)^κ, (I1/I2)^κ. */
        final double[] gS1 = new double[3];

        final double[] gS = new double[3];
        final double[] g2 = new double[3];
        final double[] g1 = new double[3];
        final double[] g12 = new double[3];
        /** Tangents of drift·t1 and drift·T. */
        final double[] dm1 = new double[3];

        final double[] dmT = new double[3];

        Terms set(
                double gamma,
                double[] dGamma,
                double ls,
                double l1,
                double l2,
                double r,
                double b,
                double v2,
                double t1,
                double t,
                double sd1,
                boolean sameScales,
                Workspace w) {
            this.gamma = gamma;
            double lambda = -r + gamma * b + 0.5 * gamma * (gamma - 1.0) * v2;
            drift = b + (gamma - 0.5) * v2;
            kappa = 2.0 * b / v2 + (2.0 * gamma - 1.0);
            if (!sameScales) {
                // for γ = 0 and 1 these are kept while the contract is the same (a σ-free λ)
                double sGamma = gamma * ls;
                scaleT1 = Math.exp(sGamma + lambda * t1);
                scaleT = Math.exp(sGamma + lambda * t);
            }
            logPow2 = kappa * (l2 - ls);
            pow2 = Math.exp(logPow2);
            pow1 = Math.exp(kappa * (l1 - ls));
            pow12 = Math.exp(kappa * (l1 - l2));
            double m = drift * t1;
            e1 = (ls - l1 + m) / sd1;
            e2 = (2.0 * l2 - ls - l1 + m) / sd1;
            e3 = (ls - l1 - m) / sd1;
            e4 = (2.0 * l2 - ls - l1 - m) / sd1;
            // every Φ of the kernel is its density times the Mills ratio, as in the Black–Scholes kernel
            p1 = StandardNormal.pdfInline(e1);
            p2 = StandardNormal.pdfInline(e2);
            p3 = StandardNormal.pdfInline(e3);
            p4 = StandardNormal.pdfInline(e4);
            n1 = StandardNormal.cdfFromDensity(-e1, p1);
            n2 = StandardNormal.cdfFromDensity(-e2, p2);
            n3 = StandardNormal.cdfFromDensity(-e3, p3);
            n4 = StandardNormal.cdfFromDensity(-e4, p4);
            if (w.spot) {
                for (int j = 0; j < TANGENTS; j++) {
                    if (j == w.directions) {
                        break;
                    }
                    double dg = dGamma[j];
                    double dv2 = w.dV2[j];
                    double dLambda = -w.dR[j]
                            + dg * b
                            + gamma * w.dB[j]
                            + (gamma - 0.5) * dg * v2
                            + 0.5 * gamma * (gamma - 1.0) * dv2;
                    double dDrift = w.dB[j] + dg * v2 + (gamma - 0.5) * dv2;
                    double dKappa = 2.0 * (w.dBv[j] + dg);
                    double dl1 = w.dL1[j];
                    double dl2 = w.dL2[j];
                    gS1[j] = dg * ls + dLambda * t1 + lambda * w.dT1[j];
                    gS[j] = dg * ls + dLambda * t + lambda * w.dT[j];
                    g2[j] = dKappa * (l2 - ls) + kappa * dl2;
                    g1[j] = dKappa * (l1 - ls) + kappa * dl1;
                    g12[j] = dKappa * (l1 - l2) + kappa * (dl1 - dl2);
                    dm1[j] = dDrift * t1 + drift * w.dT1[j];
                    dmT[j] = dDrift * t + drift * w.dT[j];
                }
            }
            return this;
        }

        /**
         * φ(S, t1, γ, H, I2) for ln H = {@code lh} with tangents {@code dlh}; with the workspace's {@code
         * spot} set, adds {@code coef} times its derivatives to it.
         */
        double phi(double lh, double[] dlh, double ls, double l2, double t1, double sd1, double coef, Workspace w) {
            double d = -(ls - lh + drift * t1) / sd1;
            double dr = d - 2.0 * (l2 - ls) / sd1;
            double pd = StandardNormal.pdfInline(d); // Φ(d) and the derivative's n(d) share it
            double pdr = StandardNormal.pdfInline(dr);
            double ndr = StandardNormal.cdfFromDensity(dr, pdr);
            if (!w.spot) {
                return scaleT1 * (StandardNormal.cdfFromDensity(d, pd) - pow2 * ndr);
            }
            return phi(d, dr, StandardNormal.cdfFromDensity(d, pd), ndr, pd, pdr, dlh, ls, l2, sd1, coef, w);
        }

        /**
         * φ(S, t1, γ, I1, I2): its first argument is −e1 (the same operations, so the same bits) and its
         * second −e1 − 2(ln I2 − ln S)/σ√t1 = −e2, so both probabilities, n1 and n2, and both densities are
         * already known.
         */
        double phiI1(double ls, double l2, double sd1, double coef, Workspace w) {
            if (!w.spot) {
                return scaleT1 * (n1 - pow2 * n2);
            }
            return phi(-e1, -e2, n1, n2, p1, p2, w.dL1, ls, l2, sd1, coef, w);
        }

        /**
         * φ = S^γe^{λt1}·(N(d) − P·N(d')) from its arguments and their probabilities, adding {@code coef}
         * times its derivatives to the workspace; {@code pn} = n(d).
         */
        private double phi(
                double d,
                double dr,
                double nd,
                double ndr,
                double pn,
                double pdr,
                double[] dlh,
                double ls,
                double l2,
                double sd1,
                double coef,
                Workspace w) {
            double f = nd - pow2 * ndr;
            // F = N(d) − P·N(d'), P = e^{κ(l2 − x)}, ∂d/∂x = −1/sd1, ∂d'/∂x = +1/sd1
            double inv = w.invSd1;
            // P·n(d'): where P is large, from one summed exponent so that it cannot overflow
            double ppn = pow2 <= 1e300 ? pow2 * pdr : StandardNormal.INV_SQRT_2PI * Math.exp(logPow2 - 0.5 * dr * dr);
            double pN = pow2 * ndr;
            double c = coef * scaleT1;
            if (w.directions == 3) {
                double fx = -pn * inv + kappa * pN - ppn * inv;
                double fxx = -d * pn * inv * inv - kappa * kappa * pN + 2.0 * kappa * ppn * inv + dr * ppn * inv * inv;
                w.dx += c * (gamma * f + fx);
                w.dxx += c * (gamma * gamma * f + 2.0 * gamma * fx + fxx);
            }
            // d = (ln H − ls − drift·t1)/sd1, d' = d − 2(l2 − ls)/sd1
            double spread = 2.0 * (l2 - ls) * inv;
            for (int j = 0; j < TANGENTS; j++) {
                if (j == w.directions) {
                    break;
                }
                double dsd1 = w.dSd1[j];
                double dd = (dlh[j] - dm1[j] - d * dsd1) * inv;
                double ddr = dd - (2.0 * w.dL2[j] - spread * dsd1) * inv;
                w.dp[j] += c * (gS1[j] * f + pn * dd - pN * g2[j] - ppn * ddr);
            }
            return scaleT1 * f;
        }

        /**
         * ψ(S, T, γ, H, I2, I1, t1) for ln H = {@code lh} with tangents {@code dlh}; with the workspace's
         * {@code spot} set, adds {@code coef} times its derivatives to it.
         */
        double psi(
                double lh,
                double[] dlh,
                double ls,
                double l1,
                double l2,
                double t,
                double sd,
                double coef,
                Workspace w) {
            double m = drift * t;
            double f1 = (ls - lh + m) / sd;
            double f2 = (2.0 * l2 - ls - lh + m) / sd;
            double f3 = (2.0 * l1 - ls - lh + m) / sd;
            double f4 = (ls + 2.0 * l1 - lh - 2.0 * l2 + m) / sd;
            if (!w.spot) {
                return scaleT
                        * (PLUS.cdf(-e1, -f1, n1)
                                - pow2 * PLUS.cdf(-e2, -f2, n2)
                                - pow1 * MINUS.cdf(-e3, -f3, n3)
                                + pow12 * MINUS.cdf(-e4, -f4, n4));
            }
            double[] v = bv;
            double c = coef * scaleT;
            double m1;
            double m2;
            double m3;
            double m4;
            // the tangents' coefficients: dg = Σ A_i·de_i + Σ B_i·df_i + the powers' tangents, where M_i =
            // M(−e_i, −f_i) gives A_i, B_i = ∓(coefficient of M_i)·(∂M/∂a, ∂M/∂b)
            double ca1;
            double ca2;
            double ca3;
            double ca4;
            double cb1;
            double cb2;
            double cb3;
            double cb4;
            if (w.directions != 3) {
                // vega alone: the bivariate values and their partials, no spot derivatives
                PLUS.cdfAndGradient(-e1, -f1, n1, p1, v);
                m1 = v[0];
                ca1 = -v[3];
                cb1 = -v[4];
                PLUS.cdfAndGradient(-e2, -f2, n2, p2, v);
                m2 = v[0];
                ca2 = pow2 * v[3];
                cb2 = pow2 * v[4];
                MINUS.cdfAndGradient(-e3, -f3, n3, p3, v);
                m3 = v[0];
                ca3 = pow1 * v[3];
                cb3 = pow1 * v[4];
                MINUS.cdfAndGradient(-e4, -f4, n4, p4, v);
                m4 = v[0];
                ca4 = -pow12 * v[3];
                cb4 = -pow12 * v[4];
            } else {
                // a = −e_i moves by ∓1/sd1 and b = −f_i by ∓1/sd per unit of x; (P·M)' = P·(M' − κM) where P
                // = (I/S)^κ, and P·(M'' − 2κM' + κ²M)
                double ib = w.invSd;
                double ia = w.invSdSplit;
                PLUS.cdfAndPartials(-e1, -f1, n1, p1, -ia, -ib, v);
                m1 = v[0];
                double gx = v[1];
                double gxx = v[2];
                ca1 = -v[3];
                cb1 = -v[4];
                PLUS.cdfAndPartials(-e2, -f2, n2, p2, ia, ib, v);
                m2 = v[0];
                gx -= pow2 * (v[1] - kappa * m2);
                gxx -= pow2 * (v[2] - 2.0 * kappa * v[1] + kappa * kappa * m2);
                ca2 = pow2 * v[3];
                cb2 = pow2 * v[4];
                MINUS.cdfAndPartials(-e3, -f3, n3, p3, -ia, ib, v);
                m3 = v[0];
                gx -= pow1 * (v[1] - kappa * m3);
                gxx -= pow1 * (v[2] - 2.0 * kappa * v[1] + kappa * kappa * m3);
                ca3 = pow1 * v[3];
                cb3 = pow1 * v[4];
                MINUS.cdfAndPartials(-e4, -f4, n4, p4, ia, -ib, v);
                m4 = v[0];
                gx += pow12 * v[1];
                gxx += pow12 * v[2];
                ca4 = -pow12 * v[3];
                cb4 = -pow12 * v[4];
                double g = m1 - pow2 * m2 - pow1 * m3 + pow12 * m4;
                w.dx += c * (gamma * g + gx);
                w.dxx += c * (gamma * gamma * g + 2.0 * gamma * gx + gxx);
            }
            double g = m1 - pow2 * m2 - pow1 * m3 + pow12 * m4;
            // e_i = (±(ls − l1) [+ 2 l2] ± drift·t1)/sd1 and f_i = (… − lh + drift·T)/sd, so with de_i =
            // (lin_i − e_i·dsd1)/sd1 and df_i = (lin'_i − f_i·dsd)/sd the four tangents fold into sums taken
            // once for every direction
            double sumA = ca1 + ca2 + ca3 + ca4;
            double driftA = ca1 + ca2 - ca3 - ca4;
            double l2A = 2.0 * (ca2 + ca4);
            double scaleA = ca1 * e1 + ca2 * e2 + ca3 * e3 + ca4 * e4;
            double sumB = cb1 + cb2 + cb3 + cb4;
            double l2B = 2.0 * (cb2 - cb4);
            double l1B = 2.0 * (cb3 + cb4);
            double scaleB = cb1 * f1 + cb2 * f2 + cb3 * f3 + cb4 * f4;
            double pm2 = pow2 * m2;
            double pm3 = pow1 * m3;
            double pm4 = pow12 * m4;
            for (int j = 0; j < TANGENTS; j++) {
                if (j == w.directions) {
                    break;
                }
                double dl1 = w.dL1[j];
                double dl2 = w.dL2[j];
                double de = (dm1[j] * driftA - dl1 * sumA + dl2 * l2A - w.dSd1[j] * scaleA) * w.invSd1;
                double df = ((dmT[j] - dlh[j]) * sumB + dl2 * l2B + dl1 * l1B - w.dSd[j] * scaleB) * w.invSd;
                double dg = de + df - pm2 * g2[j] - pm3 * g1[j] + pm4 * g12[j];
                w.dp[j] += c * (gS[j] * g + dg);
            }
            return scaleT * g;
        }
    }

    @Override
    public OptionValuation valuation(OptionInputs in) {
        if (in.expiry() == 0.0) {
            double delta = in.intrinsicValue() > 0.0 ? in.sign() : 0.0;
            return new OptionValuation(in.intrinsicValue(), delta, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0);
        }
        return FiniteDifferenceGreeks.all(this::price, in, FiniteDifferenceGreeks.ANALYTIC);
    }

    /**
     * The implied volatility of {@code marketPrice} and, when one is found, the value and five Greeks at
     * exactly that volatility in {@code out} (what {@link #priceAndGreeks} gives there): a chain refresh
     * from market prices in one call. The solve is {@link #impliedVolatility}'s, except that the pass
     * expected to be its last computes the Greeks as well, and a volatility is reported only at a point
     * where such a full pass was made: one whose own Newton step is within the solve's tolerance (so the
     * volatility agrees with {@link #impliedVolatility} and Brent's method to that tolerance) or that
     * reprices the option to within eight ulps. The holder is left as it was when there is no solution.
     */
    public ImpliedVolatility impliedVolatilityAndGreeks(OptionInputs in, double marketPrice, PriceAndGreeks out) {
        Workspace w = out.bs2002()
                .contract(in.sign(), in.spot(), in.strike(), in.expiry(), in.rate(), in.dividendYield(), out);
        return AmericanImpliedVolatilitySolver.solveWithVegaAndGreeks(this, in, marketPrice, w);
    }

    @Override
    public ImpliedVolatility impliedVolatility(OptionInputs in, double marketPrice) {
        double sign = in.sign();
        double s = in.spot();
        double k = in.strike();
        double t = in.expiry();
        double r = in.rate();
        double q = in.dividendYield();
        return AmericanImpliedVolatilitySolver.solveWithVega(
                this, in, marketPrice, WORKSPACE.get().contract(sign, s, k, t, r, q));
    }
}
