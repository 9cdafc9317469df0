namespace Release.Sdk.Git.Writing;

/// <summary>What one git CLI run produced. <see cref="Failure"/> is set when git did not start or ran out of time.</summary>
internal sealed record GitProcessResult(int ExitCode, string StandardOutput, string StandardError, string? Failure = null)
{
    public bool Succeeded => Failure is null && ExitCode == 0;

    /// <summary>git's own explanation as a sentence, for messages: the start/timeout failure, else stderr, else stdout.</summary>
    public string Explanation
    {
        get
        {
            var text = Failure ?? (StandardError.Trim() is { Length: > 0 } error ? error : StandardOutput.Trim());
            if (text.Length == 0) return $"git exited with code {ExitCode}.";
            return text[^1] is '.' or '!' or '?' ? text : text + ".";
        }
    }
}
