namespace Release.Sdk.Gates.Coverage;

/// <summary>Covered/coverable lines and branches over all Cobertura reports, and the percentages the gate reports.</summary>
internal sealed record CoverageTotals(int LinesCovered, int LinesValid, int BranchesCovered, int BranchesValid, int Reports)
{
    public double LinePercent => LinesValid == 0 ? 0 : Math.Round(100.0 * LinesCovered / LinesValid, 2);

    /// <summary>100 % when there is no branch at all: straight-line code has nothing left to cover.</summary>
    public double BranchPercent => BranchesValid == 0 ? 100 : Math.Round(100.0 * BranchesCovered / BranchesValid, 2);
}
