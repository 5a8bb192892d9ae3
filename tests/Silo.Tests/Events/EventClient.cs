using System.Net;
using System.Net.Sockets;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;

namespace AriaPro.Silo.Tests.Events;

/// <summary>A WebSocket client of <c>GET /ws</c> that reads the JSON envelopes one by one.</summary>
public sealed class EventClient : IAsyncDisposable
{
    /// <summary>Longest a test waits for one message.</summary>
    public static readonly TimeSpan ReceiveLimit = TimeSpan.FromSeconds(30);

    private readonly ClientWebSocket _socket;
    private readonly HttpMessageInvoker? _invoker;

    private EventClient(ClientWebSocket socket, HttpMessageInvoker? invoker)
    {
        _socket = socket;
        _invoker = invoker;
    }

    /// <summary>The socket, for its close status.</summary>
    public ClientWebSocket Socket => _socket;

    /// <summary>The <c>ws://</c> address of <c>/ws</c> on the facade at <paramref name="http"/>, with an optional query.</summary>
    public static Uri Address(Uri http, string query = "") => new($"ws://{http.Authority}/ws{query}");

    /// <summary>Connects with the token in the Authorization header (or none), optionally with a tiny receive buffer.</summary>
    public static async Task<EventClient> ConnectAsync(Uri address, string? bearer = null, int? receiveBuffer = null)
    {
        var socket = new ClientWebSocket();
        socket.Options.CollectHttpResponseDetails = true;
        if (bearer is not null)
        {
            socket.Options.SetRequestHeader("Authorization", $"Bearer {bearer}");
        }

        HttpMessageInvoker? invoker = null;
        if (receiveBuffer is { } size)
        {
            // A client that does not read must push back on the server soon: a small kernel buffer.
            invoker = new HttpMessageInvoker(new SocketsHttpHandler
            {
                ConnectCallback = async (context, cancellationToken) =>
                {
                    var tcp = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true, ReceiveBufferSize = size };
                    await tcp.ConnectAsync(context.DnsEndPoint, cancellationToken);
                    return new NetworkStream(tcp, ownsSocket: true);
                },
            });
            socket.Options.SetBuffer(size, 1024);
        }

        using var timeout = new CancellationTokenSource(ReceiveLimit);
        try
        {
            await socket.ConnectAsync(address, invoker, timeout.Token);
        }
        catch
        {
            socket.Dispose();
            invoker?.Dispose();
            throw;
        }

        return new EventClient(socket, invoker);
    }

    /// <summary>The HTTP status a refused connection got.</summary>
    public static async Task<HttpStatusCode> RefusedAsync(Uri address)
    {
        using var socket = new ClientWebSocket();
        socket.Options.CollectHttpResponseDetails = true;
        using var timeout = new CancellationTokenSource(ReceiveLimit);
        await Assert.ThrowsAsync<WebSocketException>(() => socket.ConnectAsync(address, timeout.Token));
        return socket.HttpStatusCode;
    }

    /// <summary>The next envelope; fails on a close or after <see cref="ReceiveLimit"/>.</summary>
    public async Task<JsonObject> ReceiveAsync()
    {
        var message = await ReceiveMessageAsync();
        Assert.True(message is not null, $"the server closed the connection: {_socket.CloseStatus} {_socket.CloseStatusDescription}");
        return message;
    }

    /// <summary>The next envelope of <paramref name="type"/>, skipping the others.</summary>
    public async Task<JsonObject> ReceiveAsync(string type, Func<JsonObject, bool>? where = null)
    {
        while (true)
        {
            var envelope = await ReceiveAsync();
            if ((string?)envelope["type"] == type && (where is null || where(envelope)))
            {
                return envelope;
            }
        }
    }

    /// <summary>Reads until the server's close; returns how many envelopes came before it.</summary>
    public async Task<int> ReadUntilClosedAsync()
    {
        var count = 0;
        while (await ReceiveMessageAsync() is not null)
        {
            count++;
        }

        return count;
    }

    /// <summary>Sends a text message.</summary>
    public async Task SendAsync(string text)
    {
        using var timeout = new CancellationTokenSource(ReceiveLimit);
        await _socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, true, timeout.Token);
    }

    private async Task<JsonObject?> ReceiveMessageAsync()
    {
        using var timeout = new CancellationTokenSource(ReceiveLimit);
        using var message = new MemoryStream();
        var buffer = new byte[8192];
        while (true)
        {
            var result = await _socket.ReceiveAsync(buffer, timeout.Token);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return null;
            }

            message.Write(buffer, 0, result.Count);
            if (result.EndOfMessage)
            {
                Assert.Equal(WebSocketMessageType.Text, result.MessageType);
                return JsonNode.Parse(message.ToArray())!.AsObject();
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            try
            {
                await _socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "", timeout.Token);
            }
            catch (Exception exception) when (exception is WebSocketException or OperationCanceledException)
            {
                // The server went first, or is gone.
            }
        }

        _socket.Dispose();
        _invoker?.Dispose();
    }
}
