using System.Collections.Concurrent;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AriaPro.Silo.Tests.Monitoring.Notifications;

/// <summary>
/// A real Kestrel server on a loopback port that records every request and answers with the
/// statuses it was told to, in order, then 200.
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<Reply> _replies;
    private readonly Channel<ReceivedRequest> _received = Channel.CreateUnbounded<ReceivedRequest>();

    private WebhookReceiver(WebApplication app, IEnumerable<Reply> replies)
    {
        _app = app;
        _replies = new ConcurrentQueue<Reply>(replies);
    }

    public Uri Url { get; private set; } = null!;

    public static async Task<WebhookReceiver> StartAsync(params Reply[] replies)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var receiver = new WebhookReceiver(app, replies);
        app.Run(receiver.HandleAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        receiver.Url = new Uri(new Uri(address), "/hooks/alerts");
        return receiver;
    }

    /// <summary>The next request the receiver answered.</summary>
    public async Task<ReceivedRequest> NextAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        return await _received.Reader.ReadAsync(timeout.Token);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        using var body = await JsonDocument.ParseAsync(context.Request.Body);
        var reply = _replies.TryDequeue(out var next) ? next : new Reply(StatusCodes.Status200OK);
        if (reply.Hang)
        {
            // Never answers: the request is recorded (status 0) and held until the client gives up.
            _received.Writer.TryWrite(Received(context, body, 0));
            var aborted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            await using (context.RequestAborted.Register(() => aborted.TrySetResult()))
            {
                await aborted.Task;
            }

            return;
        }

        context.Response.StatusCode = reply.Status;
        if (reply.RetryAfter is { } retryAfter)
        {
            context.Response.Headers.RetryAfter = retryAfter;
        }

        await context.Response.CompleteAsync();
        _received.Writer.TryWrite(Received(context, body, reply.Status));
    }

    private static ReceivedRequest Received(HttpContext context, JsonDocument body, int status) => new(
        context.Request.Method,
        context.Request.Path,
        context.Request.ContentType,
        context.Request.Headers["Idempotency-Key"].ToString(),
        body.RootElement.Clone(),
        status);

    /// <summary>What to answer: a status and, optionally, a <c>Retry-After</c> value; or nothing at all.</summary>
    public sealed record Reply(int Status, string? RetryAfter = null, bool Hang = false)
    {
        /// <summary>Holds the request open until the client gives up.</summary>
        public static Reply NoAnswer { get; } = new(0, Hang: true);
    }
}

/// <summary>One POST as the receiver saw it, and the status it answered.</summary>
public sealed record ReceivedRequest(string Method, string Path, string? ContentType, string IdempotencyKey, JsonElement Body, int Status);
