namespace Release.Sdk.Gates.Framework;

/// <summary>The built-in gate kinds: a ReleaseGate item's Kind metadata (defaults to its Include) picks one of these.</summary>
internal static class GateKinds
{
    public const string Coverage = "coverage";
    public const string Security = "security";
    public const string Vulnerable = "vulnerable";
    public const string Container = "container";
    public const string Benchmark = "benchmark";
    public const string ApiCompat = "apicompat";
    public const string EfMigrations = "efmigrations";
    public const string Docs = "docs";
    public const string Command = "command";
}
