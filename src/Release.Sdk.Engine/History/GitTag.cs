namespace Release.Sdk.Engine.History;

/// <summary>A tag, peeled to the commit it points at (annotated and lightweight tags alike).</summary>
internal sealed record GitTag(string Name, string CommitSha);
