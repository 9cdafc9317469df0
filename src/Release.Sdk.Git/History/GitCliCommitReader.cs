using System.Buffers.Text;
using System.Diagnostics;
using System.Text;

namespace Release.Sdk.Git.History;

/// <summary>
/// Reads many commits' details at once through <c>git cat-file --batch</c>: the raw commit objects, parsed here the way
/// libgit2 does (message = everything after the headers with leading newlines trimmed, decoded as UTF-8), so both paths
/// give the same text. Used when a walk needs thousands of messages (a repository without release tags); git reads
/// them several times faster than libgit2 through LibGit2Sharp. Bounded in time; null when git is missing or fails.
/// </summary>
internal static class GitCliCommitReader
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(120);

    public static Dictionary<ObjectKey, CommitDetails>? TryRead(string gitDirectory, IReadOnlyList<ObjectKey> ids)
    {
        var psi = new ProcessStartInfo("git")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = gitDirectory,
        };
        foreach (var arg in (string[])["--git-dir", gitDirectory, "--no-replace-objects", "cat-file", "--batch"]) psi.ArgumentList.Add(arg);
        psi.Environment.Remove("GIT_DIR");
        psi.Environment.Remove("GIT_WORK_TREE");

        Process? process = null;
        try
        {
            process = Process.Start(psi);
            if (process is null) return null;
            process.ErrorDataReceived += (_, _) => { };
            process.BeginErrorReadLine();
            var input = process.StandardInput;
            var writing = Task.Run(() =>
            {
                foreach (var id in ids) input.Write(id.ToSha() + "\n");
                input.Close();
            });
            var output = process.StandardOutput.BaseStream;
            var reading = Task.Run(() => Parse(new BufferedStream(output, 1 << 16), ids.Count));
            if (!Task.WaitAll([writing, reading], Timeout))
            {
                process.Kill(entireProcessTree: true);
                return null;
            }
            process.WaitForExit();
            return process.ExitCode == 0 ? reading.Result : null;
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException or IOException or AggregateException)
        {
            return null;
        }
        finally
        {
            process?.Dispose();
        }
    }

    private static Dictionary<ObjectKey, CommitDetails>? Parse(Stream output, int expected)
    {
        var result = new Dictionary<ObjectKey, CommitDetails>(expected);
        var header = new List<byte>(64);
        for (var i = 0; i < expected; i++)
        {
            // "<sha> commit <size>\n<size bytes>\n", or "<sha> missing\n"
            header.Clear();
            int b;
            while ((b = output.ReadByte()) is not '\n' and not -1) header.Add((byte)b);
            if (b == -1) return null;
            var fields = Encoding.ASCII.GetString([.. header]).Split(' ');
            if (fields.Length != 3 || fields[1] != "commit") continue;
            if (!ObjectKey.TryParse(fields[0], out var id) || !int.TryParse(fields[2], out var size) || size < 0) return null;
            var raw = new byte[size];
            output.ReadExactly(raw);
            if (output.ReadByte() != '\n') return null;
            if (ParseCommit(raw) is { } details) result[id] = details;
        }
        return result;
    }

    internal static CommitDetails? ParseCommit(ReadOnlySpan<byte> raw)
    {
        string? authorName = null, authorEmail = null;
        DateTimeOffset? committed = null;
        while (true)
        {
            var end = raw.IndexOf((byte)'\n');
            if (end < 0) return null;
            var line = raw[..end];
            raw = raw[(end + 1)..];
            if (line.IsEmpty) break;
            if (line.StartsWith("author "u8))
            {
                if (!TryParseSignature(line["author "u8.Length..], out var name, out var email, out _)) return null;
                (authorName, authorEmail) = (name, email);
            }
            else if (line.StartsWith("committer "u8))
            {
                if (!TryParseSignature(line["committer "u8.Length..], out _, out _, out var when)) return null;
                committed = when;
            }
        }
        while (!raw.IsEmpty && raw[0] == '\n') raw = raw[1..];
        if (authorName is null || authorEmail is null || committed is null) return null;
        return new CommitDetails(authorName, authorEmail, Encoding.UTF8.GetString(raw), committed.Value);
    }

    /// <summary>"Name &lt;email&gt; 1717200000 +0200"</summary>
    private static bool TryParseSignature(ReadOnlySpan<byte> value, out string name, out string email, out DateTimeOffset when)
    {
        name = email = "";
        when = default;
        var open = value.IndexOf((byte)'<');
        var close = value.LastIndexOf((byte)'>');
        if (open < 0 || close < open) return false;
        name = Encoding.UTF8.GetString(value[..open]).Trim();
        email = Encoding.UTF8.GetString(value[(open + 1)..close]).Trim();
        var rest = value[(close + 1)..].Trim((byte)' ');
        var space = rest.IndexOf((byte)' ');
        if (space < 0 || !Utf8Parser.TryParse(rest[..space], out long seconds, out _)) return false;
        var zone = rest[(space + 1)..];
        if (zone.Length != 5 || (zone[0] != '+' && zone[0] != '-') || !Utf8Parser.TryParse(zone[1..3], out int hours, out _)
            || !Utf8Parser.TryParse(zone[3..5], out int minutes, out _)) return false;
        var offset = new TimeSpan(hours, minutes, 0);
        when = DateTimeOffset.FromUnixTimeSeconds(seconds).ToOffset(zone[0] == '-' ? -offset : offset);
        return true;
    }
}
