namespace Release.Sdk.Engine.Stamping;

/// <summary>Replace <paramref name="Length"/> characters at <paramref name="Start"/> with <paramref name="Replacement"/>.</summary>
internal readonly record struct TextEdit(int Start, int Length, string Replacement);
