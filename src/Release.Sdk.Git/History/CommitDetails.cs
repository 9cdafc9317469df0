using System.Text;

namespace Release.Sdk.Git.History;

/// <summary>The parts of a commit that only reading the commit object gives (the commit-graph file has none of them).</summary>
/// <remarks>
/// The message is kept either as a string or as the UTF-8 bytes it was read as. A first build without tags reads 100k
/// messages into a <see cref="Utf8Arena"/> and the <see cref="CommitStore"/> copies those bytes as they are: decoding
/// each into a string only to encode it back cost more than the copy, and 100k strings kept alive through the walk
/// made the collector's full collections the slowest step after inflating.
/// </remarks>
internal sealed class CommitDetails
{
    private readonly string? _message;
    private readonly ReadOnlyMemory<byte> _utf8Message;

    public CommitDetails(string authorName, string authorEmail, string message, DateTimeOffset committerDate)
        : this(authorName, authorEmail, committerDate) => _message = message;

    /// <param name="utf8Message">The message's bytes as the commit object holds them (not copied: the caller gives them up).</param>
    public CommitDetails(string authorName, string authorEmail, ReadOnlyMemory<byte> utf8Message, DateTimeOffset committerDate)
        : this(authorName, authorEmail, committerDate) => _utf8Message = utf8Message;

    private CommitDetails(string authorName, string authorEmail, DateTimeOffset committerDate)
    {
        AuthorName = authorName;
        AuthorEmail = authorEmail;
        CommitterDate = committerDate;
    }

    public string AuthorName { get; }

    public string AuthorEmail { get; }

    public DateTimeOffset CommitterDate { get; }

    /// <summary>The message (decoded on each call when it was read as bytes; invalid UTF-8 becomes U+FFFD, as git log shows it).</summary>
    public string Message => _message ?? Encoding.UTF8.GetString(_utf8Message.Span);

    /// <summary>The room the message takes in UTF-8 (at least: a string's length counts one byte per character).</summary>
    public int MessageByteCount => _message?.Length ?? _utf8Message.Length;

    /// <summary>The message's UTF-8 bytes when it was read as bytes.</summary>
    public bool TryGetUtf8Message(out ReadOnlySpan<byte> utf8)
    {
        utf8 = _utf8Message.Span;
        return _message is null;
    }
}
