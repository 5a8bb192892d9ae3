#!/usr/bin/env python3
"""Independent reference values for RiskMetricsTests (python3 standard library only).

Run: python3 reference_metrics.py [path/to/eurusd-daily-2005-2018.csv]
The numbers printed are pasted into the C# tests as literals; nothing here calls the C# code.
"""
import csv
import math
import statistics
import sys
from fractions import Fraction


def quantile(data, q):
    """numpy.percentile 'linear' (type 7) via statistics.quantiles(method='inclusive')."""
    xs = sorted(data)
    if len(xs) == 1:
        return xs[0]
    cuts = round(1 / q)
    if abs(cuts * q - 1) < 1e-12 and cuts >= 2:
        return statistics.quantiles(xs, n=cuts, method="inclusive")[0]
    h = Fraction(len(xs) - 1) * Fraction(q)
    lo = math.floor(h)
    hi = min(lo + 1, len(xs) - 1)
    return float(Fraction(xs[lo]) + (h - lo) * (Fraction(xs[hi]) - Fraction(xs[lo])))


def metrics(r, rf=0.0, req=0.0, P=252, c=0.95, cc=0.99):
    n = len(r)
    out = {}
    mean = statistics.mean(r) if n else None
    sd = statistics.stdev(r) if n >= 2 else None
    out["AnnualVolatility"] = sd * math.sqrt(P) if sd is not None else None
    if n >= 2:
        ex = [x - rf for x in r]
        sde = statistics.stdev(ex)
        out["Sharpe"] = statistics.mean(ex) / sde * math.sqrt(P) if sde > 0 else None
    else:
        out["Sharpe"] = None
    if n:
        dr = math.sqrt(math.fsum(min(x - req, 0.0) ** 2 for x in r) / n) * math.sqrt(P)
        me = statistics.mean([x - req for x in r])
        out["DownsideRisk"] = dr
        out["Sortino"] = me * P / dr if dr > 0 else ("+inf" if me > 0 else None)
        equity, peak, worst = 1.0, 1.0, 0.0
        for x in r:
            equity *= 1 + x
            peak = max(peak, equity)
            worst = min(worst, equity / peak - 1)
        out["MaxDrawdown"] = worst
        total = math.prod(1 + x for x in r)
        out["AnnualReturn"] = total ** (P / n) - 1 if total > 0 else -1.0
        out["Calmar"] = out["AnnualReturn"] / abs(worst) if worst != 0 else None
        out["Var"] = -quantile(r, 1 - c)
        cut = quantile(r, 1 - cc)
        out["Cvar"] = -statistics.mean([x for x in r if x <= cut])
    else:
        for k in ("DownsideRisk", "Sortino", "MaxDrawdown", "AnnualReturn", "Calmar", "Var", "Cvar"):
            out[k] = None
    if n >= 2:
        z = statistics.NormalDist().inv_cdf(1 - c)
        out["ParametricVar"] = -(mean + z * sd)
        m2 = math.fsum((x - mean) ** 2 for x in r) / n
        m3 = math.fsum((x - mean) ** 3 for x in r) / n
        m4 = math.fsum((x - mean) ** 4 for x in r) / n
        if m2 > 0:
            s = m3 / m2 ** 1.5
            k = m4 / m2 ** 2 - 3
            zcf = z + (z * z - 1) * s / 6 + (z ** 3 - 3 * z) * k / 24 - (2 * z ** 3 - 5 * z) * s * s / 36
            out["CornishFisherVar"] = -(mean + zcf * sd)
        else:
            out["CornishFisherVar"] = None
        var = statistics.variance(r)
        out["Kelly"] = mean / var if var > 0 else None
    else:
        out["ParametricVar"] = out["CornishFisherVar"] = out["Kelly"] = None
    return out


def show(name, r, **kw):
    print(f"// {name} (n = {len(r)}, {kw or 'default parameters'})")
    for k, v in metrics(r, **kw).items():
        print(f"    {k} = {v!r}")


TYPICAL = [0.012, -0.008, 0.005, -0.021, 0.017, 0.003, -0.004, 0.009, -0.015, 0.011,
           0.0, -0.002, 0.014, -0.011, 0.006, 0.008, -0.019, 0.022, -0.003, 0.004]
TIES = [-0.03, -0.02, -0.02, -0.02, 0.01, 0.015, 0.005, 0.0, 0.012, -0.004, 0.007,
        0.003, 0.02, -0.001, 0.009, 0.004, 0.011, -0.006, 0.002, 0.006, 0.001]
LONG = [0.01 * math.sin(0.7 * i) + 0.0002 for i in range(2000)]

show("one gain", [0.01])
show("one loss", [-0.02])
show("two", [0.01, -0.02])
show("all positive", [0.01, 0.02, 0.005, 0.03, 0.015])
show("all negative", [-0.01, -0.02, -0.005, -0.03, -0.015])
show("flat", [0.001] * 10)
show("ties", TIES)
show("ties cvar 0.95", TIES, cc=0.95)
show("typical", TYPICAL)
show("typical custom", TYPICAL, rf=0.0001, req=0.0005, P=52, c=0.90, cc=0.95)
show("first-return drawdown", [-0.10, 0.05, 0.02])
show("long sine (2000)", LONG)

if len(sys.argv) > 1:
    with open(sys.argv[1], newline="") as f:
        rows = list(csv.reader(f))[1:]
    closes = [float(row[4]) for row in rows if row]
    rets = [closes[i] / closes[i - 1] - 1 for i in range(1, len(closes))]
    show("EURUSD last 252", rets[-252:])
    show("EURUSD all", rets)
