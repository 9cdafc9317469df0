namespace Release.Sdk.Deploy.Analysis;

/// <summary>The result of a two-sided Mann–Whitney U test: U of the first sample and its p-value.</summary>
internal sealed record MannWhitneyResult(double U, double PValue, bool Exact);

/// <summary>
/// Two-sided Mann–Whitney U test, as scipy.stats.mannwhitneyu(x, y, alternative="two-sided") computes it: U of x
/// from mid-ranks; exact p-value when both samples are small (&lt; 8) and untied (scipy's method="auto"), otherwise the
/// normal approximation with tie correction and continuity correction.
/// </summary>
internal static class MannWhitney
{
    private const int ExactLimit = 8;

    public static MannWhitneyResult Test(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        int n1 = x.Count, n2 = y.Count;
        if (n1 == 0 || n2 == 0) throw new ArgumentException("Both samples need at least one value.");
        var all = x.Select(v => (Value: v, FromX: true)).Concat(y.Select(v => (Value: v, FromX: false))).OrderBy(p => p.Value).ToArray();
        var n = all.Length;
        double rankSumX = 0, tieTerm = 0;
        var hasTies = false;
        for (var i = 0; i < n;)
        {
            var j = i;
            while (j + 1 < n && all[j + 1].Value == all[i].Value) j++;
            var midRank = ((i + 1) + (j + 1)) / 2.0;
            var t = j - i + 1;
            if (t > 1)
            {
                hasTies = true;
                tieTerm += ((double)t * t * t) - t;
            }
            for (var k = i; k <= j; k++)
                if (all[k].FromX) rankSumX += midRank;
            i = j + 1;
        }
        var u1 = rankSumX - (n1 * (n1 + 1) / 2.0);
        var u2 = ((double)n1 * n2) - u1;

        if (n1 < ExactLimit && n2 < ExactLimit && !hasTies)
            return new MannWhitneyResult(u1, ExactTwoSided(Math.Max(u1, u2), n1, n2), Exact: true);

        var mean = n1 * n2 / 2.0;
        var variance = n1 * n2 / 12.0 * ((n + 1) - (tieTerm / ((double)n * (n - 1))));
        if (variance <= 0) return new MannWhitneyResult(u1, 1.0, Exact: false); // every value tied: no evidence of a shift
        var z = (Math.Max(u1, u2) - mean - 0.5) / Math.Sqrt(variance);
        var p = Math.Min(1.0, 2 * NormalUpperTail(z));
        return new MannWhitneyResult(u1, p, Exact: false);
    }

    /// <summary>P(U ≥ u) × 2 from the exact null distribution, counted by the recurrence c(u; m, n) = c(u−n; m−1, n) + c(u; m, n−1).</summary>
    private static double ExactTwoSided(double uMax, int n1, int n2)
    {
        var maxU = n1 * n2;
        // counts[m][k][u] built bottom-up over m (size of first sample) and k (size of second).
        var counts = new double[n1 + 1, n2 + 1][];
        for (var m = 0; m <= n1; m++)
            for (var k = 0; k <= n2; k++)
            {
                var row = new double[(m * k) + 1];
                if (m == 0 || k == 0) row[0] = 1;
                else
                    for (var u = 0; u <= m * k; u++)
                    {
                        var withLastFromFirst = u - k >= 0 && u - k <= (m - 1) * k ? counts[m - 1, k][u - k] : 0;
                        var withLastFromSecond = u <= m * (k - 1) ? counts[m, k - 1][u] : 0;
                        row[u] = withLastFromFirst + withLastFromSecond;
                    }
                counts[m, k] = row;
            }
        var distribution = counts[n1, n2];
        var total = distribution.Sum();
        var tail = 0.0;
        for (var u = (int)Math.Ceiling(uMax); u <= maxU; u++) tail += distribution[u];
        return Math.Min(1.0, 2 * tail / total);
    }

    /// <summary>1 − Φ(z), the standard normal upper tail.</summary>
    internal static double NormalUpperTail(double z) => 0.5 * Erfc(z / Math.Sqrt(2));

    /// <summary>Complementary error function, Numerical Recipes' erfcc (fractional error &lt; 1.2e-7 everywhere).</summary>
    private static double Erfc(double x)
    {
        var z = Math.Abs(x);
        var t = 1.0 / (1.0 + (0.5 * z));
        var r = t * Math.Exp((-z * z) - 1.26551223 + (t * (1.00002368 + (t * (0.37409196 + (t * (0.09678418 + (t * (-0.18628806
            + (t * (0.27886807 + (t * (-1.13520398 + (t * (1.48851587 + (t * (-0.82215223 + (t * 0.17087277))))))))))))))))));
        return x >= 0 ? r : 2.0 - r;
    }
}
