using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using MimeKit;
using SmtpServer;
using SmtpServer.Mail;
using SmtpServer.Net;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace Release.Sdk.Notify.Tests.Servers;

/// <summary>A real SMTP server (the SmtpServer package) on 127.0.0.1 that keeps what it receives, for fast email tests.</summary>
internal sealed class InProcessSmtpServer : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _running;
    private readonly Store _store = new();

    /// <param name="rejectRecipient">Recipients this returns true for are refused (550) at RCPT TO.</param>
    public InProcessSmtpServer(Func<string, bool>? rejectRecipient = null)
    {
        // Port 0: the system picks the port when the server binds, so no other socket can take it first; the listener
        // factory reports the bound endpoint (during StartAsync, before its first await).
        var listeners = new EndpointListenerFactory();
        var bound = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        listeners.EndpointStarted += (_, e) => bound.TrySetResult(((IPEndPoint)e.LocalEndPoint).Port);
        var options = new SmtpServerOptionsBuilder().ServerName("localhost").Endpoint(b => b.Endpoint(new IPEndPoint(IPAddress.Loopback, 0))).Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(_store);
        services.Add(new Filter(rejectRecipient ?? (_ => false)));
        services.Add(listeners);
        var server = new SmtpServer.SmtpServer(options, services);
        _running = server.StartAsync(_stop.Token);
        Task.WaitAny([bound.Task, _running], TimeSpan.FromSeconds(10));
        Port = bound.Task.IsCompletedSuccessfully
            ? bound.Task.Result
            : throw new InvalidOperationException($"the SMTP server did not start: {_running.Exception?.GetBaseException().Message ?? "no endpoint within 10 s"}");
    }

    public int Port { get; }

    public IReadOnlyList<MimeMessage> Messages => _store.Messages.ToList();

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        try
        {
            await _running.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }
        _stop.Dispose();
    }

    private sealed class Store : MessageStore
    {
        public ConcurrentQueue<MimeMessage> Messages { get; } = new();

        public override async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            using var stream = new MemoryStream(buffer.ToArray());
            Messages.Enqueue(await MimeMessage.LoadAsync(stream, cancellationToken).ConfigureAwait(false));
            return SmtpResponse.Ok;
        }
    }

    private sealed class Filter(Func<string, bool> reject) : IMailboxFilter
    {
        public Task<bool> CanAcceptFromAsync(ISessionContext context, IMailbox from, int size, CancellationToken cancellationToken) => Task.FromResult(true);

        public Task<bool> CanDeliverToAsync(ISessionContext context, IMailbox to, IMailbox from, CancellationToken cancellationToken) =>
            Task.FromResult(!reject($"{to.User}@{to.Host}"));
    }
}
