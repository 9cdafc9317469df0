namespace Release.Sdk.Engine.History;

/// <summary>One <see cref="IRepositoryHistory.CommitsSince"/> question: the commits of <c>git log ^x ^y head</c>.</summary>
/// <param name="HeadSha">The commit to walk from.</param>
/// <param name="ExcludeShas">Commits whose ancestries are left out.</param>
internal sealed record CommitWalk(string HeadSha, IReadOnlyCollection<string> ExcludeShas);
