using Release.Sdk.Engine.Diagnostics;
using Release.Sdk.Engine.Stamping;

namespace Release.Sdk.Engine.Tests.Stamping;

public sealed class MSBuildStampingTests
{
    private static StampResult Stamp(string path, string content, string version = "1.3.0") =>
        VersionStamper.Stamp(new VersionFileSpec(path), content, version);

    [Fact]
    public void VersionInTheFirstPropertyGroupChanges()
    {
        var content = """
            <Project Sdk="Microsoft.NET.Sdk">
              <!-- <Version>9.9.9</Version> is the old way -->
              <PropertyGroup Condition="'$(Configuration)' == 'Release'">
                <TargetFramework>net10.0</TargetFramework>
                <Version>1.2.3</Version>
              </PropertyGroup>
              <PropertyGroup>
                <Version>4.5.6</Version>
              </PropertyGroup>
              <ItemGroup>
                <Version Include="x" />
              </ItemGroup>
            </Project>
            """;

        var result = Stamp("src/App/App.csproj", content);

        Assert.Equal(content.Replace("<Version>1.2.3</Version>", "<Version>1.3.0</Version>", StringComparison.Ordinal), result.NewContent);
        Assert.Equal([new StampChange(5, "1.2.3", "1.3.0")], result.Changes);
    }

    [Fact]
    public void DirectoryBuildPropsWithCrlfTabsAndBom()
    {
        var content = "\uFEFF<?xml version=\"1.0\" encoding=\"utf-8\"?>\r\n<Project>\r\n\t<PropertyGroup>\r\n\t\t<Authors>a &amp; b</Authors>\r\n\t\t<Version>0.1.0-dev</Version>\r\n\t</PropertyGroup>\r\n</Project>\r\n";

        var result = Stamp("Directory.Build.props", content);

        Assert.Equal(content.Replace("0.1.0-dev", "1.3.0", StringComparison.Ordinal), result.NewContent);
    }

    [Fact]
    public void EmptyAndSelfClosingVersionElementsAreFilled()
    {
        Assert.Equal("<Project><PropertyGroup><Version>1.3.0</Version></PropertyGroup></Project>",
            Stamp("a.props", "<Project><PropertyGroup><Version></Version></PropertyGroup></Project>").NewContent);
        Assert.Equal("<Project><PropertyGroup><Version Label=\"a>b\">1.3.0</Version></PropertyGroup></Project>",
            Stamp("a.props", "<Project><PropertyGroup><Version Label=\"a>b\" /></PropertyGroup></Project>").NewContent);
    }

    [Fact]
    public void ProjectWithoutVersionElementIsAnError()
    {
        var error = Assert.Throws<ReleaseException>(() =>
            Stamp("App.csproj", "<Project><PropertyGroup><VersionPrefix>1.0.0</VersionPrefix></PropertyGroup><!-- <PropertyGroup><Version>1</Version></PropertyGroup> --></Project>"));

        Assert.Equal("RSDK4001", error.Code);
        Assert.Contains("App.csproj", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MalformedXmlIsAnError()
    {
        var error = Assert.Throws<ReleaseException>(() => Stamp("App.csproj", "<Project><PropertyGroup><Version>1.0</PropertyGroup></Project>"));

        Assert.Equal("RSDK4002", error.Code);
    }
}
