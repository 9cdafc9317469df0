using Release.Sdk.Engine.Diagnostics;

namespace Release.Sdk.Deploy.Journal;

/// <summary>
/// One process drives a deploy: an exclusive lock on deploy.lock (flock on Unix, a share-none handle on Windows),
/// released by the operating system when the process dies — so "the lock is free but the journal says running" is
/// exactly "the driving process died".
/// </summary>
internal sealed class DeployLock : IDisposable
{
    private readonly FileStream _stream;

    private DeployLock(FileStream stream) => _stream = stream;

    public static DeployLock? TryAcquire(JournalFiles files)
    {
        Directory.CreateDirectory(files.Directory);
        try
        {
            var stream = new FileStream(files.LockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            stream.SetLength(0);
            var pid = System.Text.Encoding.ASCII.GetBytes(Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture));
            stream.Write(pid);
            stream.Flush();
            return new DeployLock(stream);
        }
        catch (IOException)
        {
            return null;
        }
    }

    public static DeployLock Acquire(JournalFiles files, DeployJournal? journal) => TryAcquire(files)
        ?? throw new ReleaseException(DiagnosticCatalog.DeployLocked, $"Another process{(journal is null ? "" : $" (pid {journal.OwnerPid})")} is driving the deploy in '{files.Directory}'. Use 'dotnet-release deploy status|promote|abort' to talk to it, or wait for it to finish.");

    /// <summary>True when no process holds the lock (checked by taking and releasing it).</summary>
    public static bool IsFree(JournalFiles files)
    {
        using var held = TryAcquire(files);
        return held is not null;
    }

    public void Dispose() => _stream.Dispose();
}
