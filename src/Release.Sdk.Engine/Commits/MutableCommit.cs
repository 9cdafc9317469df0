namespace Release.Sdk.Engine.Commits;

/// <summary>The parser's working object (conventional-commits-parser's <c>commit</c>), turned into a <see cref="ConventionalCommit"/> at the end.</summary>
internal sealed class MutableCommit
{
    public string? Merge;
    public string? Header;
    public readonly TextAccumulator Body = new();
    public readonly TextAccumulator Footer = new();
    public string? Type;
    public string? Scope;
    public string? Subject;
    public bool HeaderMatched;
    public CommitRevert? Revert;
    public string? RevertFieldText;
    public readonly List<(string Title, TextAccumulator Text)> Notes = [];
    public readonly List<CommitReference> References = [];
    public readonly List<string> Mentions = [];
    public Dictionary<string, string>? Fields;

    public string? Get(string name) => name switch
    {
        "merge" => Merge,
        "header" => Header,
        "body" => Body.ToString(),
        "footer" => Footer.ToString(),
        "type" => Type,
        "scope" => Scope,
        "subject" => Subject,
        _ => Fields?.GetValueOrDefault(name),
    };

    /// <summary><c>assignMatchedCorrespondence</c>: an empty or missing group becomes null.</summary>
    public void Assign(string name, string? value)
    {
        value = string.IsNullOrEmpty(value) ? null : value;
        switch (name)
        {
            case "merge": Merge = value; break;
            case "header": Header = value; break;
            case "body": Body.Set(value); break;
            case "footer": Footer.Set(value); break;
            case "type": Type = value; break;
            case "scope": Scope = value; break;
            case "subject": Subject = value; break;
            default:
                if (value is null) Fields?.Remove(name);
                else (Fields ??= new(StringComparer.Ordinal))[name] = value;
                break;
        }
    }

    /// <summary>
    /// <c>commit[field] = appendLine(commit[field], line)</c> for a <c>-field-</c> meta line. In JavaScript a meta field
    /// named notes, references or mentions turns an array into a string and crashes the parser later; those lines are
    /// dropped here instead (we never throw).
    /// </summary>
    public void AppendField(string name, string line)
    {
        switch (name)
        {
            case "notes" or "references" or "mentions":
                return;
            case "revert":
                RevertFieldText = ParserText.AppendLine(RevertFieldText, line);
                return;
            case "body":
                Body.AppendLine(line);
                return;
            case "footer":
                Footer.AppendLine(line);
                return;
            default:
                var appended = ParserText.AppendLine(Get(name), line);
                switch (name)
                {
                    case "merge": Merge = appended; break;
                    case "header": Header = appended; break;
                    case "type": Type = appended; break;
                    case "scope": Scope = appended; break;
                    case "subject": Subject = appended; break;
                    default: (Fields ??= new(StringComparer.Ordinal))[name] = appended; break;
                }

                return;
        }
    }
}
