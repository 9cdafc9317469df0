using System.Text;

namespace Release.Sdk.Engine.Commits;

/// <summary>
/// A string built by repeated <c>appendLine</c> (<c>src ? `${src}\n${line}` : line</c>) in linear time; JavaScript
/// engines concatenate with ropes, a .NET string would make long bodies and footers quadratic. Null until first set.
/// Most bodies and footers are one line or none, so a builder is made only for a second line, and the finished
/// text is kept: on 100k commits that is hundreds of megabytes less garbage.
/// </summary>
internal sealed class TextAccumulator
{
    private string? _value;
    private StringBuilder? _builder;

    public bool IsSet => _value is not null || _builder is not null;

    public void AppendLine(string? line)
    {
        if (_builder is not null)
        {
            if (_builder.Length == 0) _builder.Append(line);
            else _builder.Append('\n').Append(line);
        }
        else if (string.IsNullOrEmpty(_value))
        {
            _value = line ?? "";
        }
        else
        {
            _builder = new StringBuilder(_value).Append('\n').Append(line);
            _value = null;
        }
    }

    public void Set(string? value)
    {
        _builder = null;
        _value = value;
    }

    public override string? ToString()
    {
        if (_builder is null) return _value;
        _value = _builder.ToString();
        _builder = null;
        return _value;
    }
}
