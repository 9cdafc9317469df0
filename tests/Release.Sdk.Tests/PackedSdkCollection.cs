namespace Release.Sdk.Tests;

/// <summary>Every test that runs MSBuild processes: one package for all, and no parallel builds competing for two cores.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class PackedSdkCollection : ICollectionFixture<PackedSdk>
{
    public const string Name = "Packed SDK";
}
