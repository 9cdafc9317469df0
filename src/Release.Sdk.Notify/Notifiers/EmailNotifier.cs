using System.Net.Sockets;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;
using Release.Sdk.Notify.Configuration;
using Release.Sdk.Notify.Events;
using Release.Sdk.Notify.Sending;

namespace Release.Sdk.Notify.Notifiers;

/// <summary>
/// Email over SMTP with MailKit, for production by default as in the seed. Security: "auto" (TLS on port 465, STARTTLS
/// when the server offers it otherwise), "starttls" (required), "ssl" (TLS from the first byte) or "none". Credentials
/// come from UsernameVariable/PasswordVariable; without them no AUTH is attempted. 4xx replies and dropped connections
/// are transient; 5xx replies (a refused recipient, bad credentials) are not.
/// </summary>
internal sealed class EmailNotifier(NotifierOptions options, NotifierSecrets secrets) : INotifier
{
    public string Name => options.Name;

    public NotifierKind Kind => NotifierKind.Email;

    public MimeMessage Message(NotificationEvent e)
    {
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(options.From!));
        foreach (var to in options.To) message.To.Add(MailboxAddress.Parse(to));
        message.Subject = $"{(e.ProjectName is { Length: > 0 } p ? $"[{p}] " : "")}{NotificationText.Title(e)[(NotificationText.Emoji(e).Length + 1)..]}";
        message.Headers.Add("X-Release-Sdk-Event", e.Kind.WireName());
        message.Date = e.Timestamp;
        message.Body = new TextPart("plain") { Text = NotificationText.PlainText(e) };
        return message;
    }

    public async Task SendAsync(NotificationEvent notification, CancellationToken cancellationToken)
    {
        var user = options.UsernameVariable is { } u ? secrets.Required(Name, u, "SMTP user name") : null;
        var password = options.PasswordVariable is { } p ? secrets.Required(Name, p, "SMTP password") : null;
        MimeMessage message;
        try
        {
            message = Message(notification);
        }
        catch (ParseException e)
        {
            throw new NotifierException($"an address in From/To is not valid: {e.Message}", transient: false);
        }

        using var client = new SmtpClient();
        var where = $"the SMTP server {options.Host}:{Port}";
        try
        {
            await client.ConnectAsync(options.Host!, Port, Security, cancellationToken).ConfigureAwait(false);
            if (user is not null) await client.AuthenticateAsync(user, password ?? "", cancellationToken).ConfigureAwait(false);
            await client.SendAsync(message, cancellationToken).ConfigureAwait(false);
            await client.DisconnectAsync(quit: true, cancellationToken).ConfigureAwait(false);
        }
        catch (SmtpCommandException e)
        {
            var code = (int)e.StatusCode;
            throw new NotifierException($"{where} refused the message: {code} {e.Message}", transient: code is >= 400 and < 500, inner: e);
        }
        catch (AuthenticationException e)
        {
            throw new NotifierException($"{where} refused the credentials from {options.UsernameVariable}/{options.PasswordVariable}: {e.Message}", transient: false, inner: e);
        }
        catch (SslHandshakeException e)
        {
            throw new NotifierException($"TLS with {where} failed (Security={options.Security ?? "auto"}): {e.Message}", transient: false, inner: e);
        }
        catch (NotSupportedException e)
        {
            throw new NotifierException($"{where} does not support what Security={options.Security ?? "auto"} needs: {e.Message}", transient: false, inner: e);
        }
        catch (Exception e) when (e is SocketException or IOException or SmtpProtocolException or ServiceNotConnectedException)
        {
            throw new NotifierException($"{where} could not be reached or dropped the connection: {e.Message}", transient: true, inner: e);
        }
    }

    private int Port => options.Port ?? (options.Security == "ssl" ? 465 : options.Security == "none" ? 25 : 587);

    private SecureSocketOptions Security => options.Security switch
    {
        "none" => SecureSocketOptions.None,
        "starttls" => SecureSocketOptions.StartTls,
        "ssl" => SecureSocketOptions.SslOnConnect,
        _ => SecureSocketOptions.Auto,
    };
}
