using System.Text;
using Release.Sdk.Engine.Analysis;
using Release.Sdk.Engine.History;
using Release.Sdk.Git.History;

namespace Release.Sdk.Git.Tests;

/// <summary>The bulk analysis reads messages and shas as characters (<see cref="ICommitTextSource"/>): exactly what the
/// materialised commits hold, whatever the bytes.</summary>
public sealed class CommitInfoListTests
{
    private static readonly DateTimeOffset When = new(2024, 6, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void MessagesAndShasWrittenAsCharactersAreThoseOfTheCommitsEvenWhenNotUtf8OrLongerThanTheBuffer()
    {
        byte[][] messages =
        [
            "feat: plain"u8.ToArray(),
            [.. "fix: caf"u8, 0xE9, .. "\n\nLatin-1, not UTF-8\n"u8],
            Encoding.UTF8.GetBytes("docs: " + string.Concat(Enumerable.Repeat("ü€ line\n", 600))),
            [],
        ];
        var arena = new Utf8Arena();
        var store = new CommitStore("");
        store.Add([.. messages.Select((m, i) => new RawCommit(TestKeys.Of(i + 1), [], When, new CommitDetails("A", "a@example.com", arena.Append(m), When)))]);
        var list = new CommitInfoList(store, [.. Enumerable.Range(0, messages.Length)]);

        var buffer = new char[4];
        var sha = new char[1];
        for (var i = 0; i < list.Count; i++)
        {
            var messageLength = list.WriteMessage(i, ref buffer);
            var shaLength = list.WriteSha(i, ref sha);
            Assert.Equal(list[i].Message, new string(buffer, 0, messageLength));
            Assert.Equal(list[i].Sha, new string(sha, 0, shaLength));
        }
    }

    [Fact]
    public void TheBulkAnalysisReadingCharactersDecidesAsReadingCommitsDoes()
    {
        var arena = new Utf8Arena();
        var store = new CommitStore("");
        string[] texts = ["feat: a", "fix(core): b", "chore: c", "feat!: d", "perf: e\n\nBREAKING CHANGE: f", "not conventional", "revert: feat: a"];
        var count = 5000; // above the threshold where the analysis takes every core
        store.Add([.. Enumerable.Range(0, count).Select(i =>
            new RawCommit(TestKeys.Of(i + 1), i + 1 < count ? [TestKeys.Of(i + 2)] : [], When, new CommitDetails("A", "a@example.com", arena.Append(Encoding.UTF8.GetBytes(texts[i % texts.Length] + $" {i}")), When)))]);
        var list = new CommitInfoList(store, [.. Enumerable.Range(0, count)]);
        // Rules on the hash and the whole message: the fields the quick path makes strings of only when asked.
        var options = new AnalyzerOptions(ReleaseRules:
        [
            new ReleaseRule(new Dictionary<string, string> { ["hash"] = "*0*" }, ReleaseType.Patch),
            new ReleaseRule(new Dictionary<string, string> { ["message"] = "*7*" }, ReleaseType.Minor),
        ]);

        var fromCharacters = CommitAnalyzer.Summarize(list, options, null);
        var fromCommits = CommitAnalyzer.Summarize([.. list], options, null);

        Assert.Equal(fromCommits.Bump, fromCharacters.Bump);
        Assert.Equal(fromCommits.ReleasingCommits, fromCharacters.ReleasingCommits);
        Assert.Equal(fromCommits.CountByType.OrderBy(p => p.Key), fromCharacters.CountByType.OrderBy(p => p.Key));
    }
}
