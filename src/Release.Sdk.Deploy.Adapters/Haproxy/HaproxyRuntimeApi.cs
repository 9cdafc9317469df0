using System.Net.Sockets;
using System.Text;
using Release.Sdk.Engine.Diagnostics;

namespace Release.Sdk.Deploy.Adapters.Haproxy;

/// <summary>One command per connection on HAProxy's stats socket (non-interactive mode: HAProxy answers and closes).</summary>
internal sealed class HaproxyRuntimeApi(string socketPath)
{
    public string SocketPath => socketPath;

    public async Task<string> SendAsync(string command, CancellationToken cancellationToken)
    {
        try
        {
            using var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
            await socket.ConnectAsync(new UnixDomainSocketEndPoint(socketPath), cancellationToken);
            await socket.SendAsync(Encoding.ASCII.GetBytes(command + "\n"), SocketFlags.None, cancellationToken);
            var answer = new StringBuilder();
            var buffer = new byte[16 * 1024];
            int read;
            while ((read = await socket.ReceiveAsync(buffer, SocketFlags.None, cancellationToken)) > 0)
                answer.Append(Encoding.ASCII.GetString(buffer, 0, read));
            return answer.ToString();
        }
        catch (SocketException e)
        {
            throw new ReleaseException(DiagnosticCatalog.HaproxyCommandFailed,
                $"HAProxy's runtime API at {socketPath} could not be reached for '{command}': {e.Message}. Check that HAProxy runs and its config has `stats socket {socketPath} level admin`.", e);
        }
    }

    /// <summary>Sends a command whose success answer is known (empty for most `set`/`enable` commands).</summary>
    public async Task ExpectAsync(string command, CancellationToken cancellationToken, params string[] successAnswers)
    {
        var answer = (await SendAsync(command, cancellationToken)).Trim();
        if (answer.Length == 0 && successAnswers.Length == 0) return;
        if (successAnswers.Any(s => answer.StartsWith(s, StringComparison.Ordinal))) return;
        throw new ReleaseException(DiagnosticCatalog.HaproxyCommandFailed,
            $"HAProxy refused '{command}': {answer}. The backend must exist, use a dynamic algorithm (roundrobin) and the socket must be `level admin`; HAProxy 2.6 or later is needed for `add server`.");
    }
}
