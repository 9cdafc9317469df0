using System.Buffers;

namespace Release.Sdk.Engine.Commits;

/// <summary>
/// conventional-commits-parser's reference extraction (<c>parseReferences</c>/<c>parseReference</c> with the
/// <c>references</c>, <c>referenceParts</c> and <c>url</c> regexes) as linear scans that pick exactly the match the
/// backtracking regexes pick. The original <c>referenceParts</c> regex is cubic on long lines without an issue.
/// </summary>
internal sealed class ReferenceScanner
{
    private readonly string[]? _actions;
    private readonly string[]? _prefixes;
    private readonly bool _prefixCaseSensitive;
    private readonly SearchValues<char>? _actionStarts;
    private readonly SearchValues<char>? _prefixStarts;

    public ReferenceScanner(ParserOptions options)
    {
        _actions = options.ReferenceActions is null ? null : ParserText.Alternatives(options.ReferenceActions);
        _prefixes = options.IssuePrefixes is null ? null : ParserText.Alternatives(options.IssuePrefixes);
        _prefixCaseSensitive = options.IssuePrefixesCaseSensitive;
        _actionStarts = FirstCharacters(_actions, caseSensitive: false);
        _prefixStarts = FirstCharacters(_prefixes, _prefixCaseSensitive);
    }

    private static readonly List<CommitReference> None = [];

    /// <summary>The references of one line; the returned list is shared and empty when there are none.</summary>
    public List<CommitReference> Parse(string line)
    {
        if (_prefixes is null || (_prefixStarts is not null && line.AsSpan().IndexOfAny(_prefixStarts) < 0)) return None;
        var references = new List<CommitReference>();
        if (_actions is not null && FindAction(line, 0) is { } first)
        {
            for (ActionMatch? match = first; match is { } m; match = FindAction(line, m.SentenceEnd))
            {
                ParseSentence(line[m.SentenceStart..m.SentenceEnd], line[m.ActionStart..m.ActionEnd], references);
            }
        }
        else
        {
            // the fallback /()(.+)/gi: every run of non-terminator characters is a sentence without action
            var i = 0;
            while (i < line.Length)
            {
                if (JsText.IsLineTerminator(line[i])) { i++; continue; }
                var end = i;
                while (end < line.Length && !JsText.IsLineTerminator(line[end])) end++;
                ParseSentence(line[i..end], null, references);
                i = end;
            }
        }

        return references.Count == 0 ? None : references;
    }

    /// <summary>
    /// Every character an alternative can start with under the regex's case rules, to skip positions quickly; null
    /// (no shortcut) when an alternative is empty or starts with a non-ASCII character.
    /// </summary>
    private static SearchValues<char>? FirstCharacters(string[]? alternatives, bool caseSensitive)
    {
        if (alternatives is null || alternatives.Any(a => a.Length == 0 || a[0] >= 128)) return null;
        var chars = new HashSet<char>();
        foreach (var alternative in alternatives)
        {
            var c = alternative[0];
            chars.Add(c);
            if (!caseSensitive && char.IsAsciiLetter(c)) chars.Add(char.IsAsciiLetterUpper(c) ? char.ToLowerInvariant(c) : char.ToUpperInvariant(c));
        }

        return SearchValues.Create(chars.ToArray());
    }

    private readonly record struct ActionMatch(int ActionStart, int ActionEnd, int SentenceStart, int SentenceEnd);

    /// <summary><c>/(actions)(?:\s+(.*?))(?=(?:actions)|$)/gi</c> from a start index.</summary>
    private ActionMatch? FindAction(string line, int from)
    {
        for (var i = from; i <= line.Length; i++)
        {
            if (_actionStarts is not null)
            {
                var skip = i < line.Length ? line.AsSpan(i).IndexOfAny(_actionStarts) : -1;
                if (skip < 0) return null;
                i += skip;
            }

            foreach (var action in _actions!)
            {
                if (!JsText.StartsWithIgnoreCase(line, i, action)) continue;
                var afterAction = i + action.Length;
                if (afterAction >= line.Length || !JsText.IsWhiteSpace(line[afterAction])) continue;
                var sentenceStart = afterAction;
                while (sentenceStart < line.Length && JsText.IsWhiteSpace(line[sentenceStart])) sentenceStart++;
                for (var end = sentenceStart; end <= line.Length; end++)
                {
                    if (end == line.Length || ActionAt(line, end)) return new ActionMatch(i, afterAction, sentenceStart, end);
                    if (JsText.IsLineTerminator(line[end])) break;
                }
            }
        }

        return null;
    }

    private bool ActionAt(string line, int index)
    {
        if (_actionStarts is not null && !_actionStarts.Contains(line[index])) return false;
        foreach (var action in _actions!)
        {
            if (JsText.StartsWithIgnoreCase(line, index, action)) return true;
        }

        return false;
    }

    /// <summary>
    /// <c>parseReference</c> called until it returns null: a sentence containing a URL yields nothing; otherwise
    /// <c>/(?:.*?)??\s*([\w-\.\/]*?)??(prefixes)([\w-]+)(?=\s|$|[,;)\]])/g</c> repeatedly, each match's raw text
    /// running from where the previous one ended.
    /// </summary>
    private void ParseSentence(string sentence, string? action, List<CommitReference> into)
    {
        if (_prefixes is null || (_prefixStarts is not null && sentence.AsSpan().IndexOfAny(_prefixStarts) < 0) || ContainsUrl(sentence)) return;
        var n = sentence.Length;
        var prefixAt = new int[n + 1];
        var issueEnd = new int[n + 1];
        for (var x = n; x >= 0; x--)
        {
            prefixAt[x] = -1;
            issueEnd[x] = x < n && IsIssueChar(sentence[x]) ? issueEnd[x + 1] : x;
        }

        for (var x = 0; x <= n; x++)
        {
            for (var p = 0; p < _prefixes.Length; p++)
            {
                if (!PrefixMatches(sentence, x, _prefixes[p])) continue;
                var issueStart = x + _prefixes[p].Length;
                var end = issueEnd[issueStart];
                if (end == issueStart || !(end == n || JsText.IsWhiteSpace(sentence[end]) || sentence[end] is ',' or ';' or ')' or ']')) continue;
                prefixAt[x] = p;
                break;
            }
        }

        var spaceEnd = new int[n + 1];
        var repositoryEnd = new int[n + 1];
        spaceEnd[n] = repositoryEnd[n] = n;
        for (var x = n - 1; x >= 0; x--)
        {
            spaceEnd[x] = JsText.IsWhiteSpace(sentence[x]) ? spaceEnd[x + 1] : x;
            repositoryEnd[x] = IsRepositoryChar(sentence[x]) ? repositoryEnd[x + 1] : x;
        }

        var nextOk = new int[n + 2];
        nextOk[n + 1] = int.MaxValue;
        for (var x = n; x >= 0; x--) nextOk[x] = prefixAt[x] >= 0 ? x : nextOk[x + 1];

        var from = 0;
        while (from <= n && nextOk[from] != int.MaxValue)
        {
            CommitReference? found = null;
            for (var q = from; q <= n && found is null; q++)
            {
                var repoStart = spaceEnd[q];
                var repoEnd = repositoryEnd[repoStart];
                var x = nextOk[repoStart];
                if (x > repoEnd) continue;
                var prefix = _prefixes[prefixAt[x]];
                var issueStart = x + prefix.Length;
                var end = issueEnd[issueStart];
                string? repository = x > repoStart ? sentence[repoStart..x] : null;
                string? owner = null;
                if (!string.IsNullOrEmpty(repository) && repository.IndexOf('/') is var slash and >= 0)
                {
                    owner = repository[..slash];
                    repository = repository[(slash + 1)..];
                }

                found = new CommitReference(action, owner, repository, sentence[issueStart..end], sentence[from..end], sentence.Substring(x, prefix.Length));
                from = end;
            }

            if (found is null) break;
            into.Add(found);
        }
    }

    private bool PrefixMatches(string text, int index, string prefix) =>
        _prefixCaseSensitive
            ? index + prefix.Length <= text.Length && string.CompareOrdinal(text, index, prefix, 0, prefix.Length) == 0
            : JsText.StartsWithIgnoreCase(text, index, prefix);

    private static bool IsIssueChar(char c) => JsText.IsWordChar(c) || c == '-';

    private static bool IsRepositoryChar(char c) => JsText.IsWordChar(c) || c is '-' or '.' or '/';

    /// <summary><c>/\b(?:https?):\/\/(?:www\.)?([-a-zA-Z0-9@:%_+.~#?&amp;//=])+\b/</c>.test(sentence).</summary>
    private static bool ContainsUrl(string s)
    {
        for (var i = s.IndexOf("http", StringComparison.Ordinal); i >= 0; i = s.IndexOf("http", i + 1, StringComparison.Ordinal))
        {
            if (i > 0 && JsText.IsWordChar(s[i - 1])) continue;
            int start;
            if (string.CompareOrdinal(s, i, "https://", 0, 8) == 0) start = i + 8;
            else if (string.CompareOrdinal(s, i, "http://", 0, 7) == 0) start = i + 7;
            else continue;
            for (var e = start; e < s.Length && IsUrlChar(s[e]); e++)
            {
                var next = e + 1 < s.Length && JsText.IsWordChar(s[e + 1]);
                if (JsText.IsWordChar(s[e]) != next) return true;
            }
        }

        return false;
    }

    private static bool IsUrlChar(char c) =>
        c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '-' or '@' or ':' or '%' or '_' or '+' or '.' or '~' or '#' or '?' or '&' or '/' or '=';
}
