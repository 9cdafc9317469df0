namespace Release.Sdk.Cli;

/// <summary>What a command may touch: results go to <see cref="Out"/>, diagnostics to <see cref="Error"/>; CI detection reads <see cref="Environment"/>.</summary>
internal sealed record CliContext(TextWriter Out, TextWriter Error, IReadOnlyDictionary<string, string?> Environment);
