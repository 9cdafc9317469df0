using CsCheck;
using Release.Sdk.Engine.Analysis;
using Release.Sdk.Engine.Commits;
using Release.Sdk.Engine.History;

namespace Release.Sdk.Engine.Tests.Analysis;

/// <summary><see cref="QuickFacts"/> gives exactly the facts of the full parse, or no answer.</summary>
public class QuickFactsTests
{
    private const string Sha = "0123456789abcdef0123456789abcdef01234567";

    private static readonly string[] Headers =
    [
        "feat: add it", "fix(api): repair", "feat(api)!: drop", "fix!: x", "docs(README): y", "refactor: z", "style: s", "perf(core): p",
        "chore(no-release): n", "feat(a): b): c", "Feat: upper", "feat(): empty scope", ": no type", "feat:", "feat: ", "Update stuff",
        "revert: fix: gone", "Revert \"fix: x\"", "feat(é): ü", "x y: z", "feat!:  two spaces", "  gpg: signed", "feat(a)!: b!: c", "feat(a)!: b): c",
    ];

    private static readonly string[] BodyLines =
    [
        "", "body text", "BREAKING CHANGE: x", "breaking change: lower", "BREAKING-CHANGE: y", "BREAKING CHANGES: z", "  * BREAKING CHANGE x",
        "-field-", "--", "-", "-revert-", " gpg: sig", "Closes #12", "fixes owner/repo#3", "This reverts commit " + Sha + ".",
        "this REVERTS commit abc", "@someone", "line\r", "\u2028", "x\ty", "BREAKING", "Refs: #4", "-subject-", "-hash-", "merge stuff",
    ];

    private static readonly Gen<string> Messages = Gen.Select(
        Gen.OneOf(Headers), Gen.OneOf(BodyLines).Array[0, 5], Gen.OneOf("", "\n", "\n\n", " \t", "\n  "), Gen.OneOf("", " ", "\n", "\u00A0"),
        (header, body, trail, lead) => lead + header + (body.Length == 0 ? "" : "\n\n" + string.Join('\n', body)) + trail);

    private static readonly AnalyzerOptions[] Configurations =
    [
        new(Preset.ConventionalCommits),
        new(Preset.Angular),
        new(Preset.ConventionalCommits, Rules.Seed, Rules.SeedNoteKeywords),
        new(Preset.ConventionalCommits,
        [
            Rules.Rule("minor", ("subject", "add*")), Rules.Rule("major", ("header", "docs*")), Rules.Rule("patch", ("message", "*text*")),
            Rules.Rule("patch", ("hash", Sha)), Rules.Rule("false", ("merge", "*")), Rules.Rule("minor", ("emoji", "*")),
            Rules.Rule("patch", ("subject", "Update*")), new ReleaseRule(new Dictionary<string, string> { ["type"] = "fix" }, ReleaseType.Minor, Breaking: true),
        ]),
        new(Preset.Angular, [Rules.Rule("minor", ("scope", "api")), Rules.Rule("patch", ("type", "Feat"))], ["BREAKING", ""]),
    ];

    [Fact]
    public void FactsAreTheFullParsesOrThereIsNoAnswer()
    {
        foreach (var options in Configurations)
        {
            var quick = new QuickFacts(ParserOptions.For(options.Preset, options.NoteKeywords), options.ReleaseRules);
            var parser = new CommitParser.Prepared(ParserOptions.For(options.Preset, options.NoteKeywords));
            var answered = 0;
            Messages.Sample(message =>
            {
                var commit = new CommitInfo(Sha, message);
                if (!quick.TryCompute(commit, out var facts)) return;
                answered++;
                Assert.Equal(CommitAnalyzer.Facts(parser.Parse(commit), options.ReleaseRules), facts);
            }, iter: 5000, threads: 1);
            Assert.True(answered > 1000, $"only {answered} of 5000 messages were answered without the full parse");
        }
    }

    [Theory]
    [InlineData("feat: x\n\nBREAKING CHANGE: y")]
    [InlineData("feat: x\n\n-revert-\ny")]
    [InlineData("Revert \"feat: x\"\n\nThis reverts commit " + Sha + ".")]
    [InlineData("feat: x\r\n\r\nbody")]
    [InlineData("gpg: x\nfeat: y")]
    public void MessagesTheParserMustReadLineByLineGetNoAnswer(string message)
    {
        var quick = new QuickFacts(ParserOptions.For(Preset.ConventionalCommits), null);

        Assert.False(quick.TryCompute(new CommitInfo(Sha, message), out _));
    }

    [Fact]
    public void RulesOnTheBodyTakeTheFullParse()
    {
        var quick = new QuickFacts(ParserOptions.For(Preset.ConventionalCommits), [Rules.Rule("minor", ("body", "*x*"))]);

        Assert.False(quick.TryCompute(new CommitInfo(Sha, "feat: y"), out _));
    }
}
