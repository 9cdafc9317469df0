namespace Release.Sdk.Engine.Stamping;

/// <summary>One replaced span of a stamped file: the 1-based line where it starts, the text before and after.</summary>
internal sealed record StampChange(int Line, string Old, string New);
