using Release.Sdk.Engine.Diagnostics;
using Release.Sdk.Engine.Stamping;

namespace Release.Sdk.Engine.Tests.Stamping;

public sealed class PlainTextStampingTests
{
    [Theory]
    [InlineData("1.2.3\n", "1.3.0\n")]
    [InlineData("1.2.3\r\n", "1.3.0\r\n")]
    [InlineData("1.2.3", "1.3.0")]
    [InlineData("", "1.3.0")]
    [InlineData("\uFEFF1.2.3\n", "\uFEFF1.3.0\n")]
    [InlineData("  1.2.3  \n", "1.3.0\n")]
    public void WholeContentBecomesTheVersionWithTheOriginalLineEnd(string content, string expected)
    {
        var result = VersionStamper.Stamp(new VersionFileSpec("VERSION"), content, "1.3.0");

        Assert.Equal(expected, result.NewContent);
    }

    [Fact]
    public void MissingFileIsAnError()
    {
        var error = Assert.Throws<ReleaseException>(() => VersionStamper.Stamp(new VersionFileSpec("VERSION"), null, "1.3.0"));

        Assert.Equal("RSDK4003", error.Code);
        Assert.Contains("VERSION", error.Message, StringComparison.Ordinal);
    }
}
