namespace Release.Sdk.Deploy.Adapters.Tests.Fixtures;

/// <summary>The controllable backend (tests/Release.Sdk.Deploy.Adapters.TestApp), copied to testapp/ as a publish directory.</summary>
internal static class TestApp
{
    public const string Name = "Release.Sdk.Deploy.Adapters.TestApp";

    public static string PublishDirectory => Path.Combine(AppContext.BaseDirectory, "testapp");
}
