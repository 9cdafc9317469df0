namespace Release.Sdk.Gates.Coverage;

/// <summary>Covered/coverable lines and branches over all Cobertura reports, and the percentages the gate reports.</summary>
internal sealed record CoverageTotals(int LinesCovered, int LinesValid, int BranchesCovered, int BranchesValid, int Reports)
{
    /// <summary>Per source file (merged like the totals), for naming where coverage is missing.</summary>
    public IReadOnlyList<FileCoverage> Files { get; init; } = [];

    public double LinePercent => LinesValid == 0 ? 0 : Math.Round(100.0 * LinesCovered / LinesValid, 2);

    /// <summary>100 % when there is no branch at all: straight-line code has nothing left to cover.</summary>
    public double BranchPercent => BranchesValid == 0 ? 100 : Math.Round(100.0 * BranchesCovered / BranchesValid, 2);
}

/// <summary>Covered and coverable lines of one source file.</summary>
internal sealed record FileCoverage(string File, int LinesCovered, int LinesValid)
{
    public int Uncovered => LinesValid - LinesCovered;
}
