using Release.Sdk.Engine.Configuration;

namespace Release.Sdk.Cli.Commands;

/// <summary>The façade's inputs as read from the command line.</summary>
internal sealed record ComputationRequest(
    string StartDirectory,
    ReleaseConfigOverrides Overrides,
    string? ExplicitConfigFile,
    bool DeepenShallowClone);
