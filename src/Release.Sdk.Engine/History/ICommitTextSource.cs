namespace Release.Sdk.Engine.History;

/// <summary>
/// A list of commits that writes a commit's message and sha as characters into the caller's buffers. The analysis of
/// a first build without tags reads 100k commits once each: through <see cref="CommitInfo"/> that made a record and
/// two strings per commit (~40 MB, all of it fresh memory in a new process) only to read them once.
/// </summary>
internal interface ICommitTextSource
{
    /// <summary>The message of the commit at <paramref name="index"/>, as <see cref="CommitInfo.Message"/> holds it.</summary>
    /// <param name="buffer">Where the characters are written; replaced by a larger array when too small.</param>
    /// <returns>How many characters were written.</returns>
    int WriteMessage(int index, ref char[] buffer);

    /// <summary>The sha of the commit at <paramref name="index"/>, as <see cref="CommitInfo.Sha"/> holds it.</summary>
    /// <param name="buffer">Where the characters are written; replaced by a larger array when too small.</param>
    /// <returns>How many characters were written.</returns>
    int WriteSha(int index, ref char[] buffer);
}
