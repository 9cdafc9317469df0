namespace Release.Sdk.Deploy.Adapters.Tests.Contract;

/// <summary>Router suites run one at a time: on 2 shared cores, two suites of real processes under load would measure each other.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class RouterSuiteCollection
{
    public const string Name = "router suites";
}
