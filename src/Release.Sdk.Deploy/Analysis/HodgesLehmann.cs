namespace Release.Sdk.Deploy.Analysis;

/// <summary>The Hodges–Lehmann shift estimate: the median of all pairwise differences x_i − y_j (robust, pairs with Mann–Whitney).</summary>
internal static class HodgesLehmann
{
    public static double Shift(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        var differences = new double[x.Count * y.Count];
        var k = 0;
        foreach (var a in x)
            foreach (var b in y)
                differences[k++] = a - b;
        return Outliers.Median(differences);
    }
}
