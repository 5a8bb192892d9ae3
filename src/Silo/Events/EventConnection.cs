using System.Net.WebSockets;
using System.Threading.Channels;

namespace AriaPro.Silo.Events;

/// <summary>
/// One WebSocket client: a bounded queue the hub fills without ever waiting, a sender loop that
/// drains it, and a receiver loop for subscription changes. A client whose queue overflows, or
/// whose single send outlasts <see cref="EventStreamOptions.SendTimeout"/>, is dropped with a 1008
/// close; the hub and the other clients never wait for it.
/// </summary>
public sealed partial class EventConnection
{
    /// <summary>Longest text message a client may send.</summary>
    public const int MaxMessageBytes = 4 * 1024;

    /// <summary>How long the client may take to answer the server's close frame before the socket is aborted.</summary>
    public static readonly TimeSpan CloseTimeout = TimeSpan.FromSeconds(5);

    private readonly WebSocket _socket;
    private readonly Channel<byte[]> _queue;
    private readonly EventStreamOptions _options;
    private readonly EventEnvelope _envelope;
    private readonly TimeProvider _time;
    private readonly Action<EventConnection> _dropped;
    private readonly ILogger _logger;
    private int _types;
    private CloseRequest? _close;

    internal EventConnection(WebSocket socket, EventTypeSet types, EventStreamOptions options, EventEnvelope envelope, TimeProvider time, Action<EventConnection> dropped, ILogger logger)
    {
        _socket = socket;
        _types = types.Bits;
        _options = options;
        _envelope = envelope;
        _time = time;
        _dropped = dropped;
        _logger = logger;
        _queue = Channel.CreateBounded<byte[]>(new BoundedChannelOptions(options.QueueCapacity)
        {
            FullMode = BoundedChannelFullMode.Wait,
            SingleReader = true,
        });
    }

    /// <summary>The types the client receives now.</summary>
    public EventTypeSet Types => new(Volatile.Read(ref _types));

    /// <summary>Why the client was dropped, or null while it keeps up.</summary>
    public string? DropReason => Volatile.Read(ref _close) is { Dropped: true } close ? close.Reason : null;

    /// <summary>
    /// Queues a message without waiting. A full queue drops the client: it is too slow for the
    /// event rate, and waiting for it would slow everyone else.
    /// </summary>
    internal void Offer(byte[] message)
    {
        if (!_queue.Writer.TryWrite(message) && Volatile.Read(ref _close) is null)
        {
            Drop($"slow consumer: {_options.QueueCapacity} events queued");
        }
    }

    /// <summary>Ends the connection with a close frame once the message being sent (if any) is out.</summary>
    internal void Close(WebSocketCloseStatus status, string reason) => RequestClose(new CloseRequest(status, reason));

    /// <summary>Sends until the connection ends (the client closes, is dropped, or <paramref name="stopping"/> fires), then closes it.</summary>
    internal async Task RunAsync(CancellationToken stopping)
    {
        using var onStopping = stopping.Register(() => Close(WebSocketCloseStatus.EndpointUnavailable, "server stopping"));
        var receiving = ReceiveLoopAsync();
        await SendLoopAsync();
        await CloseAsync(receiving);
    }

    private void Drop(string reason, bool socketLost = false)
    {
        if (RequestClose(new CloseRequest(WebSocketCloseStatus.PolicyViolation, reason, Dropped: true, SocketLost: socketLost)))
        {
            LogDropped(_logger, reason);
            _dropped(this);
        }
    }

    private bool RequestClose(CloseRequest request)
    {
        if (Interlocked.CompareExchange(ref _close, request, null) is not null)
        {
            return false;
        }

        _queue.Writer.TryComplete();
        return true;
    }

    private async Task SendLoopAsync()
    {
        var reader = _queue.Reader;
        try
        {
            while (await reader.WaitToReadAsync())
            {
                while (Volatile.Read(ref _close) is null && reader.TryRead(out var message))
                {
                    var sending = _socket.SendAsync(message.AsMemory(), WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None);
                    if (!sending.IsCompletedSuccessfully && !await SentInTimeAsync(sending.AsTask()))
                    {
                        return;
                    }
                }

                if (Volatile.Read(ref _close) is not null)
                {
                    return;
                }
            }
        }
        catch (Exception exception) when (exception is WebSocketException or IOException or ObjectDisposedException or OperationCanceledException)
        {
            RequestClose(new CloseRequest(WebSocketCloseStatus.EndpointUnavailable, "connection lost", SocketLost: true));
            LogSendFailed(_logger, exception);
        }
    }

    // The timeout is ours, not a cancellation token's: a cancelled send aborts the socket at once,
    // and the receive loop would report a lost connection before the drop could be recorded.
    private async Task<bool> SentInTimeAsync(Task sending)
    {
        try
        {
            await sending.WaitAsync(_options.SendTimeout, _time);
            return true;
        }
        catch (TimeoutException)
        {
            Drop($"slow consumer: a send took longer than {_options.SendTimeout.TotalSeconds:0.###} s", socketLost: true);
            _socket.Abort();
            _ = sending.ContinueWith(static t => t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
            return false;
        }
    }

    private async Task CloseAsync(Task receiving)
    {
        var close = Volatile.Read(ref _close)!;
        if (!close.SocketLost && _socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
        {
            try
            {
                // The close frame waits behind what a slow client has not read yet: it gets as long
                // as any send; only the client's answer is held to the short close timeout.
                using var timeout = new CancellationTokenSource(_options.SendTimeout, _time);
                await _socket.CloseOutputAsync(close.Status, close.Reason, timeout.Token);
                await receiving.WaitAsync(CloseTimeout, _time);
            }
            catch (Exception exception) when (exception is WebSocketException or IOException or OperationCanceledException or TimeoutException or ObjectDisposedException)
            {
                LogCloseFailed(_logger, exception);
            }
        }

        if (_socket.State != WebSocketState.Closed)
        {
            _socket.Abort();
        }

        await receiving;
    }

    private async Task ReceiveLoopAsync()
    {
        var buffer = new byte[MaxMessageBytes];
        var length = 0;
        var tooLong = false;
        try
        {
            while (true)
            {
                var result = await _socket.ReceiveAsync(buffer.AsMemory(length), CancellationToken.None);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    Close(WebSocketCloseStatus.NormalClosure, "");
                    return;
                }

                length += result.Count;
                if (!result.EndOfMessage)
                {
                    if (length == buffer.Length)
                    {
                        tooLong = true;
                        length = 0;
                    }

                    continue;
                }

                Handle(result.MessageType, buffer.AsSpan(0, length), tooLong);
                length = 0;
                tooLong = false;
            }
        }
        catch (Exception exception) when (exception is WebSocketException or IOException or ObjectDisposedException or OperationCanceledException)
        {
            RequestClose(new CloseRequest(WebSocketCloseStatus.EndpointUnavailable, "connection lost", SocketLost: true));
        }
    }

    private void Handle(WebSocketMessageType type, ReadOnlySpan<byte> message, bool tooLong)
    {
        if (tooLong)
        {
            Offer(Error($"a message may be {MaxMessageBytes} bytes at most"));
            return;
        }

        if (type != WebSocketMessageType.Text)
        {
            Offer(Error("messages are JSON text: {\"subscribe\":[...]} or {\"unsubscribe\":[...]}"));
            return;
        }

        if (SubscriptionMessage.TryParse(message, out var error) is not { } change)
        {
            Offer(Error(error!));
            return;
        }

        int before, after;
        do
        {
            before = Volatile.Read(ref _types);
            after = change.ApplyTo(new EventTypeSet(before)).Bits;
        }
        while (Interlocked.CompareExchange(ref _types, after, before) != before);

        Offer(_envelope.Serialize(EventTypes.Subscribed, _time.GetUtcNow(), new SubscribedMessage(new EventTypeSet(after).Names())));
    }

    private byte[] Error(string message) => _envelope.Serialize(EventTypes.Error, _time.GetUtcNow(), new ErrorMessage(message));
}
