using AriaPro.Grains.Interfaces.Monitoring;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace AriaPro.Silo.Monitoring.Notifications;

/// <summary>
/// E-mails each alert with MailKit, one SMTP session per alert. STARTTLS is used whenever the
/// server offers it (implicit TLS on port 465), with the system's certificate validation; a server
/// that offers no STARTTLS gets the mail in clear. The channel authenticates only when a user is
/// configured, and never sends the password over a connection that is not encrypted, unless the
/// server is on this machine (loopback): someone on the network stripping the STARTTLS offer
/// must not learn it. Refusals that another attempt cannot cure (a 5xx reply, bad credentials,
/// an untrusted certificate, no TLS for a login) are permanent.
/// </summary>
internal sealed partial class EmailAlertChannel : IAlertChannel
{
    private const int ImplicitTlsPort = 465;

    private readonly string _host;
    private readonly int _port;
    private readonly string? _user;
    private readonly string? _password;
    private readonly MailboxAddress _from;
    private readonly IReadOnlyList<MailboxAddress> _to;
    private readonly TimeSpan _attemptTimeout;
    private readonly ILogger _logger;

    public EmailAlertChannel(MonitoringOptions options, TimeSpan attemptTimeout, ILogger logger)
    {
        _logger = logger;
        _host = options.SmtpHost ?? throw new ArgumentException("is required when e-mail is enabled", nameof(options.SmtpHost));
        _port = options.SmtpPort;
        _user = string.IsNullOrEmpty(options.SmtpUser) ? null : options.SmtpUser;
        _password = options.SmtpPassword;
        _from = MailboxAddress.Parse(options.SmtpFrom ?? throw new ArgumentException("is required when e-mail is enabled", nameof(options.SmtpFrom)));
        _to = options.SmtpTo.Select(MailboxAddress.Parse).ToList();
        _attemptTimeout = attemptTimeout;
    }

    public string Name => "email";

    public async Task SendAsync(Alert alert, CancellationToken cancellationToken)
    {
        using var message = Compose(alert);
        using var client = new SmtpClient { Timeout = (int)Math.Min(_attemptTimeout.TotalMilliseconds, int.MaxValue) };
        try
        {
            var security = _port == ImplicitTlsPort ? SecureSocketOptions.SslOnConnect : SecureSocketOptions.StartTlsWhenAvailable;
            await client.ConnectAsync(_host, _port, security, cancellationToken);
            if (_user is not null && !client.IsSecure && !IsLoopback(_host))
            {
                throw new AlertDeliveryException(
                    $"SMTP server {_host}:{_port} offered no TLS; the password of {_user} is not sent in clear (use a server with STARTTLS or port 465)",
                    isPermanent: true);
            }

            if (_user is not null)
            {
                await client.AuthenticateAsync(_user, _password ?? string.Empty, cancellationToken);
            }

            await client.SendAsync(message, cancellationToken);
        }
        catch (AuthenticationException exception)
        {
            throw new AlertDeliveryException($"SMTP authentication as {_user} failed: {exception.Message}", isPermanent: true, innerException: exception);
        }
        catch (SslHandshakeException exception)
        {
            throw new AlertDeliveryException($"TLS with {_host}:{_port} failed: {exception.Message}", isPermanent: true, innerException: exception);
        }
        catch (SmtpCommandException exception) when ((int)exception.StatusCode >= 500)
        {
            throw new AlertDeliveryException($"SMTP {(int)exception.StatusCode}: {exception.Message}", isPermanent: true, innerException: exception);
        }
        catch (NotSupportedException exception)
        {
            throw new AlertDeliveryException($"SMTP server {_host}:{_port}: {exception.Message}", isPermanent: true, innerException: exception);
        }

        // The message is accepted: neither a failed QUIT nor a stop arriving now may make it count
        // as undelivered (or be sent twice). The client's own timeout bounds the QUIT.
        try
        {
            await client.DisconnectAsync(quit: true, CancellationToken.None);
        }
        catch (Exception exception) when (exception is IOException or SmtpProtocolException or SmtpCommandException or TimeoutException or OperationCanceledException)
        {
            LogQuitFailed(_logger, exception, _host, _port);
        }
    }

    private MimeMessage Compose(Alert alert)
    {
        var message = new MimeMessage
        {
            Subject = AlertEmailFormatter.Subject(alert),
            Body = new TextPart("plain") { Text = AlertEmailFormatter.Body(alert) },
        };
        message.From.Add(_from);
        message.To.AddRange(_to);
        return message;
    }

    private static bool IsLoopback(string host) =>
        string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase) ||
        (System.Net.IPAddress.TryParse(host, out var address) && System.Net.IPAddress.IsLoopback(address));

    [LoggerMessage(Level = LogLevel.Debug, Message = "SMTP QUIT to {Host}:{Port} failed after the message was accepted; it counts as delivered")]
    private static partial void LogQuitFailed(ILogger logger, Exception exception, string host, int port);
}
