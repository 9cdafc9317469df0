namespace Release.Sdk.Engine.Branches;

/// <summary>
/// An existing git branch and the commit at its tip. A class rather than a <c>(Name, TipSha)</c> tuple: framework
/// collections and LINQ over a tuple have no ReadyToRun code (see docs/design/decisions.md).
/// </summary>
internal sealed record BranchTip(string Name, string TipSha);
