namespace Release.Sdk.Engine.Stamping;

/// <summary>A stamped file: its new content and what changed (empty when the file already carried the version).</summary>
internal sealed record StampResult(string NewContent, IReadOnlyList<StampChange> Changes)
{
    public bool Changed => Changes.Count > 0;
}
