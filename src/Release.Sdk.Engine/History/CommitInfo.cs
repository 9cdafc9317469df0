namespace Release.Sdk.Engine.History;

/// <summary>A commit as read from git: the raw facts the engine needs, nothing parsed yet.</summary>
/// <param name="Sha">Full 40-hex object id.</param>
/// <param name="Message">The full commit message (header, body, footers), as stored.</param>
/// <param name="ParentCount">Number of parents; more than one means a merge commit.</param>
/// <param name="AuthorName">Author name, for notes.</param>
/// <param name="AuthorEmail">Author e-mail, for notes.</param>
/// <param name="CommitterDate">Committer date, for ordering and notes.</param>
internal sealed record CommitInfo(
    string Sha,
    string Message,
    int ParentCount = 1,
    string AuthorName = "",
    string AuthorEmail = "",
    DateTimeOffset CommitterDate = default)
{
    public bool IsMerge => ParentCount > 1;

    public string ShortSha => Sha.Length > 7 ? Sha[..7] : Sha;
}
