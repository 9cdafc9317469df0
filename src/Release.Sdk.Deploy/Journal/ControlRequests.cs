using System.Text.Json;

namespace Release.Sdk.Deploy.Journal;

/// <summary>A request from another shell to the process driving the deploy.</summary>
internal sealed record ControlRequest(bool Promote, string? Abort, DateTimeOffset At);

/// <summary>
/// control.json: written atomically by 'deploy promote|abort'; taken by the driving process with a rename first, so a
/// request written while it reads is never lost (it lands in a fresh control.json and is taken on the next poll).
/// </summary>
internal static class ControlRequests
{
    public static void Post(JournalFiles files, ControlRequest request)
    {
        var existing = Read(files.ControlPath);
        var merged = existing is null ? request : new ControlRequest(existing.Promote || request.Promote, request.Abort ?? existing.Abort, request.At);
        files.WriteAtomically(files.ControlPath, JsonSerializer.Serialize(merged, JournalFiles.Json));
    }

    public static ControlRequest? Take(JournalFiles files)
    {
        if (!File.Exists(files.ControlPath)) return null;
        var taken = $"{files.ControlPath}.{Guid.NewGuid():N}.taken";
        try
        {
            File.Move(files.ControlPath, taken);
        }
        catch (FileNotFoundException)
        {
            return null;
        }
        try
        {
            return Read(taken);
        }
        finally
        {
            File.Delete(taken);
        }
    }

    private static ControlRequest? Read(string path)
    {
        try
        {
            return File.Exists(path) ? JsonSerializer.Deserialize<ControlRequest>(File.ReadAllText(path), JournalFiles.Json) : null;
        }
        catch (JsonException)
        {
            return null; // a hand-edited control file carries no request
        }
    }
}
