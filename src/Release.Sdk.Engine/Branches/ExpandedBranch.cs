namespace Release.Sdk.Engine.Branches;

/// <summary>An existing git branch matched by one <c>branches</c> entry, with that entry's <c>${name}</c> templates rendered (expand.js).</summary>
internal sealed record ExpandedBranch(string Name, string TipSha, BranchSpec Spec);
