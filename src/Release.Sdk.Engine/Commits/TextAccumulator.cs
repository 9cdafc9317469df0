using System.Text;

namespace Release.Sdk.Engine.Commits;

/// <summary>
/// A string built by repeated <c>appendLine</c> (<c>src ? `${src}\n${line}` : line</c>) in linear time; JavaScript
/// engines concatenate with ropes, a .NET string would make long bodies and footers quadratic. Null until first set.
/// </summary>
internal sealed class TextAccumulator
{
    private StringBuilder? _text;

    public bool IsSet => _text is not null;

    public void AppendLine(string? line)
    {
        if (_text is null) _text = new StringBuilder(line);
        else if (_text.Length == 0) _text.Append(line);
        else _text.Append('\n').Append(line);
    }

    public void Set(string? value) => _text = value is null ? null : new StringBuilder(value);

    public override string? ToString() => _text?.ToString();
}
