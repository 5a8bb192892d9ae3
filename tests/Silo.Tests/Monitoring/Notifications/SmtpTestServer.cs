using System.Buffers;
using System.Net;
using System.Threading.Channels;
using AriaPro.Silo.Hosting;
using AriaPro.Silo.Tests.Hosting;
using MimeKit;
using SmtpServer;
using SmtpServer.Authentication;
using SmtpServer.Net;
using SmtpServer.Storage;

namespace AriaPro.Silo.Tests.Monitoring.Notifications;

/// <summary>
/// A real SMTP server (SmtpServer) on an explicit loopback endpoint, without TLS, that keeps every
/// message it accepts; optionally it requires AUTH with one user and password.
/// </summary>
public sealed class SmtpTestServer : IAsyncDisposable
{
    private readonly SmtpServer.SmtpServer _server;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _running;

    private SmtpTestServer(int port, CapturingStore store, EndpointListenerFactory listeners, (string User, string Password)? credentials, TaskCompletionSource started)
    {
        Port = port;
        Store = store;
        var options = new SmtpServerOptionsBuilder()
            .ServerName("localhost")
            .Endpoint(endpoint => endpoint
                .Endpoint(new IPEndPoint(IPAddress.Loopback, port))
                .AuthenticationRequired(credentials is not null)
                .AllowUnsecureAuthentication(true))
            .Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(store);
        services.Add(listeners);
        if (credentials is { } expected)
        {
            services.Add(new DelegatingUserAuthenticator((user, password) => user == expected.User && password == expected.Password));
        }

        _server = new SmtpServer.SmtpServer(options, services);
        listeners.EndpointStarted += (_, _) => started.TrySetResult();
        _running = _server.StartAsync(_stop.Token);
    }

    public int Port { get; }

    private CapturingStore Store { get; }

    /// <summary>Starts the server and returns once it listens.</summary>
    public static async Task<SmtpTestServer> StartAsync((string User, string Password)? credentials = null)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var server = new SmtpTestServer(LoopbackPorts.Free(), new CapturingStore(), new EndpointListenerFactory(), credentials, started);
        await started.Task.WaitAsync(TimeSpan.FromSeconds(30));
        return server;
    }

    /// <summary>The next message the server accepted.</summary>
    public async Task<ReceivedMail> NextAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        return await Store.Messages.Reader.ReadAsync(timeout.Token);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _running;
        }
        catch (OperationCanceledException)
        {
        }

        _stop.Dispose();
    }

    private sealed class CapturingStore : MessageStore
    {
        public Channel<ReceivedMail> Messages { get; } = Channel.CreateUnbounded<ReceivedMail>();

        public override async Task<SmtpServer.Protocol.SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            using var stream = new MemoryStream(buffer.ToArray());
            var message = await MimeMessage.LoadAsync(stream, cancellationToken);
            var user = context.Authentication.IsAuthenticated ? context.Authentication.User : null;
            Messages.Writer.TryWrite(new ReceivedMail(message, user));
            return SmtpServer.Protocol.SmtpResponse.Ok;
        }
    }
}

/// <summary>A message the server accepted, and the user the session authenticated as (if any).</summary>
public sealed record ReceivedMail(MimeMessage Message, string? User);
