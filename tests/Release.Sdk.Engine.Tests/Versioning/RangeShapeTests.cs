using System.Text.RegularExpressions;
using CsCheck;
using Release.Sdk.Engine.Versioning;

namespace Release.Sdk.Engine.Tests.Versioning;

/// <summary>
/// <see cref="BranchRange.IsMaintenanceRange"/> and <see cref="BranchRange.IsMajorRange"/> are matched by hand; on
/// any text they must agree with the regexes they replace.
/// </summary>
public sealed class RangeShapeTests
{
    private static readonly Regex MaintenanceRange = new(@"^\d{1,9}(?:\.(?:\d{1,9}|x))?\.x$", RegexOptions.IgnoreCase);
    private static readonly Regex MajorRange = new(@"^\d{1,9}\.x(?:\.x)?$", RegexOptions.IgnoreCase);

    [Theory]
    [InlineData("1.x", true, true)]
    [InlineData("1.X", true, true)]
    [InlineData("1.x.x", true, true)]
    [InlineData("1.2.x", true, false)]
    [InlineData("123456789.x", true, true)]
    [InlineData("1234567890.x", false, false)]
    [InlineData("1.x\n", true, true)]
    [InlineData("\u0663.x", true, true)]
    [InlineData("1.xx", false, false)]
    [InlineData("1.2", false, false)]
    [InlineData("1.", false, false)]
    [InlineData("main", false, false)]
    [InlineData("", false, false)]
    public void KnownCases(string text, bool maintenance, bool major)
    {
        Assert.Equal(maintenance, BranchRange.IsMaintenanceRange(text));
        Assert.Equal(maintenance, MaintenanceRange.IsMatch(text));
        Assert.Equal(major, BranchRange.IsMajorRange(text));
        Assert.Equal(major, MajorRange.IsMatch(text));
    }

    [Fact]
    public void AgreesWithTheRegexesOnAnyText()
    {
        var pieces = new[] { "1", "0", "12345", "\u0663", ".", "x", "X", ".x", "\n", "y", "-", "main" };
        Gen.Int[0, pieces.Length - 1].Array[0, 8]
            .Sample(parts =>
            {
                var text = string.Concat(parts.Select(i => pieces[i]));
                return BranchRange.IsMaintenanceRange(text) == MaintenanceRange.IsMatch(text)
                       && BranchRange.IsMajorRange(text) == MajorRange.IsMatch(text);
            }, iter: 50_000);
    }
}
