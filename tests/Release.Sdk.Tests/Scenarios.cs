namespace Release.Sdk.Tests;

/// <summary>Histories the tests build on, and the versions semantic-release gives them.</summary>
internal static class Scenarios
{
    /// <summary><c>v1.2.3</c> then one <c>feat</c>: the build is <c>1.3.0-alpha.0.1+sha</c>, a release would publish 1.3.0.</summary>
    public static string FeatAfterRelease(Consumer consumer)
    {
        consumer.Repo.Commit("fix: first fix");
        consumer.Repo.Tag("v1.2.3");
        return consumer.Repo.Commit("feat: add a feature");
    }

    public static string BuildVersionAfterFeat(string sha) => $"1.3.0-alpha.0.1+{sha[..7]}";

    public static string SdkElement(string version) => $"""  <Sdk Name="Release.Sdk" Version="{version}" />""";
}
