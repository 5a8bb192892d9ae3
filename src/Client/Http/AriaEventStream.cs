using System.Net;
using System.Net.WebSockets;
using System.Runtime.CompilerServices;
using System.Text.Json;

namespace AriaPro.Client.Http;

/// <summary>
/// The live event stream (<c>GET /ws</c>, viewer) read over a <see cref="ClientWebSocket"/> that
/// sends the bearer token in the Authorization header. Every envelope is yielded, the
/// <c>welcome</c> first; the stream ends when the silo closes the socket.
/// </summary>
/// <param name="baseAddress">The silo's HTTP address.</param>
/// <param name="accessToken">The bearer token; null sends none.</param>
public sealed class AriaEventStream(Uri baseAddress, string? accessToken)
{
    /// <summary>The first envelope of every connection: the silo and the subscribed types.</summary>
    public const string Welcome = Grains.Interfaces.Http.EventEnvelopeTypes.Welcome;

    private const int ReceiveBufferBytes = 16 * 1024;

    /// <summary>Connects and yields envelopes until the silo closes or <paramref name="cancellationToken"/> fires.</summary>
    /// <param name="types">Event types to subscribe to (<c>?types=</c>); null or empty subscribes to all.</param>
    /// <param name="cancellationToken">Ends the stream; the socket is aborted.</param>
    public async IAsyncEnumerable<AriaEvent> ReadAsync(IReadOnlyCollection<string>? types, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var path = types is { Count: > 0 } ? $"ws?types={Uri.EscapeDataString(string.Join(',', types))}" : "ws";
        using var socket = new ClientWebSocket();
        socket.Options.CollectHttpResponseDetails = true;
        if (accessToken is not null)
        {
            socket.Options.SetRequestHeader("Authorization", $"Bearer {accessToken}");
        }

        try
        {
            await socket.ConnectAsync(AriaAddress.WebSocket(baseAddress, path), cancellationToken);
        }
        catch (WebSocketException refused) when (socket.HttpStatusCode != 0)
        {
            throw Refusal(socket.HttpStatusCode, refused);
        }

        var buffer = new byte[ReceiveBufferBytes];
        using var message = new MemoryStream();
        while (true)
        {
            message.SetLength(0);
            WebSocketReceiveResult received;
            do
            {
                received = await socket.ReceiveAsync(buffer, cancellationToken);
                message.Write(buffer, 0, received.Count);
            }
            while (!received.EndOfMessage && received.MessageType != WebSocketMessageType.Close);

            if (received.MessageType == WebSocketMessageType.Close)
            {
                await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "closed by the silo", CancellationToken.None);
                yield break;
            }

            yield return Parse(message.GetBuffer().AsMemory(0, (int)message.Length));
        }
    }

    private static AriaEvent Parse(ReadOnlyMemory<byte> utf8)
    {
        using var document = JsonDocument.Parse(utf8);
        var root = document.RootElement;
        var type = root.GetProperty("type").GetString() ?? throw new JsonException("an event envelope has no type");
        return new AriaEvent(type, root.GetProperty("timestamp").GetDateTimeOffset(), root.GetProperty("data").Clone());
    }

    private static AriaApiException Refusal(HttpStatusCode status, WebSocketException refused) => status switch
    {
        HttpStatusCode.Unauthorized => new AriaApiException(status, "Authentication required", "GET /ws needs a valid bearer token"),
        HttpStatusCode.Forbidden => new AriaApiException(status, "Forbidden", "GET /ws needs the role viewer"),
        _ => new AriaApiException(status, "WebSocket refused", $"GET /ws answered {(int)status} instead of switching protocols ({refused.Message})"),
    };
}
