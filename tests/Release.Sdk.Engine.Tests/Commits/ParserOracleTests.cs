using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using Release.Sdk.Engine.Commits;

namespace Release.Sdk.Engine.Tests.Commits;

/// <summary>
/// parser-oracle.json holds what conventional-commits-parser 6.4.0 (node, with each preset's parser options) made of
/// 444 messages: the hand-written edge cases plus generated ones mixing headers, footers, references, reverts, URLs,
/// meta fields, CRLF and line separators. Our parser must produce exactly the same fields.
/// </summary>
public class ParserOracleTests
{
    public static TheoryData<int> Cases() => new(Enumerable.Range(0, Oracle().Count));

    [Theory]
    [MemberData(nameof(Cases))]
    public void ParsesLikeConventionalCommitsParser(int index)
    {
        var entry = Oracle()[index]!;
        var message = entry["message"]!.GetValue<string>();
        foreach (var preset in new[] { "angular", "conventionalcommits" })
        {
            var expected = entry[preset]!;
            var commit = Parse.With(preset, message);
            if (expected["skipped"] is not null)
            {
                Assert.Equal("", commit.Message);
                continue;
            }

            Assert.Equal(Canonical(expected), Canonical(Actual(commit)));
        }
    }

    private static JsonNode Actual(ConventionalCommit c) => JsonSerializer.SerializeToNode(new
    {
        type = c.Type,
        scope = c.Scope,
        subject = c.Subject,
        header = c.Header.Length == 0 ? null : c.Header,
        body = c.Body,
        footer = c.Footer,
        notes = c.Notes.Select(n => new[] { n.Title, n.Text }),
        refs = c.References.Select(r => new[] { r.Action, r.Owner, r.Repository, r.Issue, r.Raw, r.Prefix }),
        mentions = c.Mentions,
        revert = c.Revert is null ? null : new[] { c.Revert.Header, c.Revert.Hash },
    })!;

    private static string Canonical(JsonNode node)
    {
        var copy = (JsonObject)JsonNode.Parse(node.ToJsonString())!;
        copy.Remove("preset");
        return new JsonObject(copy.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => KeyValuePair.Create(p.Key, p.Value?.DeepClone()))).ToJsonString();
    }

    private static readonly Lazy<JsonArray> Loaded = new(() => Load());

    private static JsonArray Oracle() => Loaded.Value;

    private static JsonArray Load([CallerFilePath] string here = "") =>
        (JsonArray)JsonNode.Parse(File.ReadAllText(Path.Combine(Path.GetDirectoryName(here)!, "parser-oracle.json")))!["cases"]!;
}
