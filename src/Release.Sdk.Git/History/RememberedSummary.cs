using Release.Sdk.Engine.Analysis;

namespace Release.Sdk.Git.History;

/// <summary>
/// An analysis summary of one list of commits since the last release, remembered so the next build (one commit later)
/// analyzes only its new commits. The list is identified by its newest commit, its length and a hash of its ids in
/// order, so a later list matches only when its older part is exactly this list.
/// </summary>
internal sealed record RememberedSummary(ObjectKey Newest, int Count, ulong SequenceHash, AnalysisSummary Summary)
{
    /// <summary>Summaries kept per analyzer fingerprint: a few branches built in turn each find theirs.</summary>
    public const int MaxPerFingerprint = 8;

    /// <summary>The sequence hash of an empty list; <see cref="Mix"/> extends a hash by one id (order matters).</summary>
    public const ulong Seed = 0x9E3779B97F4A7C15UL;

    public static ulong Mix(ulong state, ObjectKey id)
    {
        state = (state ^ id.High) * 0xBF58476D1CE4E5B9UL;
        state = (state ^ id.Middle) * 0x94D049BB133111EBUL;
        state = (state ^ id.Low) * 0xBF58476D1CE4E5B9UL;
        return state ^ (state >> 31);
    }
}
