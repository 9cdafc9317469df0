namespace Release.Sdk.Tasks;

/// <summary>A diagnostic of a cached computation, replayed on every build that reuses it.</summary>
internal sealed record CachedDiagnostic(string Code, string Message);
