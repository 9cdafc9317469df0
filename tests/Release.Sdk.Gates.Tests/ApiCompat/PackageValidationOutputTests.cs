using Release.Sdk.Gates.ApiCompat;

namespace Release.Sdk.Gates.Tests.ApiCompat;

public sealed class PackageValidationOutputTests
{
    // Recorded from `dotnet pack -p:EnablePackageValidation=true -p:PackageValidationBaselineVersion=1.0.0` (SDK 10.0.401)
    // after Subtract was removed and Add got a third parameter; MSBuild prints the errors again in its summary.
    private const string RecordedPackOutput = """
          Successfully created package '/tmp/ga/out/Sample.Calc.1.1.0.nupkg'.
        /usr/share/dotnet/sdk/10.0.401/Sdks/Microsoft.NET.Sdk/targets/Microsoft.NET.ApiCompat.ValidatePackage.targets(39,5): error : API compatibility errors between 'lib/net10.0/Lib.dll' (/root/.nuget/packages/sample.calc/1.0.0/sample.calc.1.0.0.nupkg) and 'lib/net10.0/Lib.dll' (/tmp/ga/out/Sample.Calc.1.1.0.nupkg): [/tmp/ga/lib/Lib.csproj]
        /usr/share/dotnet/sdk/10.0.401/Sdks/Microsoft.NET.Sdk/targets/Microsoft.NET.ApiCompat.ValidatePackage.targets(39,5): error CP0002: Member 'int Sample.Calc.Calculator.Add(int, int)' exists on [Baseline] lib/net10.0/Lib.dll but not on lib/net10.0/Lib.dll [/tmp/ga/lib/Lib.csproj]
        /usr/share/dotnet/sdk/10.0.401/Sdks/Microsoft.NET.Sdk/targets/Microsoft.NET.ApiCompat.ValidatePackage.targets(39,5): error CP0002: Member 'int Sample.Calc.Calculator.Subtract(int, int)' exists on [Baseline] lib/net10.0/Lib.dll but not on lib/net10.0/Lib.dll [/tmp/ga/lib/Lib.csproj]
        /usr/share/dotnet/sdk/10.0.401/Sdks/Microsoft.NET.Sdk/targets/Microsoft.NET.ApiCompat.ValidatePackage.targets(39,5): error : API breaking changes found. If those are intentional, the APICompat suppression file can be updated by rebuilding with '/p:ApiCompatGenerateSuppressionFile=true' [/tmp/ga/lib/Lib.csproj]

        Build FAILED.

        /usr/share/dotnet/sdk/10.0.401/Sdks/Microsoft.NET.Sdk/targets/Microsoft.NET.ApiCompat.ValidatePackage.targets(39,5): error CP0002: Member 'int Sample.Calc.Calculator.Add(int, int)' exists on [Baseline] lib/net10.0/Lib.dll but not on lib/net10.0/Lib.dll [/tmp/ga/lib/Lib.csproj]
        /usr/share/dotnet/sdk/10.0.401/Sdks/Microsoft.NET.Sdk/targets/Microsoft.NET.ApiCompat.ValidatePackage.targets(39,5): error CP0002: Member 'int Sample.Calc.Calculator.Subtract(int, int)' exists on [Baseline] lib/net10.0/Lib.dll but not on lib/net10.0/Lib.dll [/tmp/ga/lib/Lib.csproj]
        """;

    [Fact]
    public void Reads_each_CP_diagnostic_once_with_the_member_as_target()
    {
        var changes = PackageValidationOutput.Parse(RecordedPackOutput);

        Assert.Equal(2, changes.Count);
        Assert.All(changes, c => Assert.Equal("CP0002", c.Rule));
        Assert.All(changes, c => Assert.True(c.Breaking));
        Assert.Equal(["int Sample.Calc.Calculator.Add(int, int)", "int Sample.Calc.Calculator.Subtract(int, int)"], changes.Select(c => c.Target));
        Assert.Equal("Member 'int Sample.Calc.Calculator.Subtract(int, int)' exists on [Baseline] lib/net10.0/Lib.dll but not on lib/net10.0/Lib.dll", changes[1].Message);
    }

    [Fact]
    public void Reads_package_level_PKV_diagnostics()
    {
        const string line = "x.targets(39,5): error PKV006: Target framework net8.0 is no longer supported in the current package. [/src/Lib.csproj]";

        var change = Assert.Single(PackageValidationOutput.Parse(line));

        Assert.Equal("PKV006", change.Rule);
        Assert.Equal("Target framework net8.0 is no longer supported in the current package.", change.Message);
    }

    [Fact]
    public void A_clean_pack_has_no_changes_and_an_unfound_baseline_is_recognized()
    {
        Assert.Empty(PackageValidationOutput.Parse("  Successfully created package 'a.nupkg'.\n    0 Error(s)"));
        Assert.True(PackageValidationOutput.BaselineMissing("error NU1102: Unable to find package Sample.Calculator with version (= 9.0.0)"));
        Assert.False(PackageValidationOutput.BaselineMissing("error CS1002: ; expected"));
    }
}
