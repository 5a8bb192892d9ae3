using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Orleans.Streams;

namespace AriaPro.Client.Events;

/// <summary>
/// A live subscription to one of the cluster's event streams: subscribed once the call that made it
/// has returned, so nothing published after that is missed; read it with <c>await foreach</c>, and
/// dispose it to unsubscribe. A reader more than <see cref="AriaEvents.Buffered"/> events behind
/// loses the oldest.
/// </summary>
public sealed class EventSubscription<T> : IAsyncEnumerable<T>, IAsyncDisposable
{
    private readonly Channel<T> _events = Channel.CreateBounded<T>(
        new BoundedChannelOptions(AriaEvents.Buffered) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });

    private StreamSubscriptionHandle<T>? _handle;

    private EventSubscription()
    {
    }

    internal static async Task<EventSubscription<T>> StartAsync(IAsyncStream<T> stream)
    {
        var subscription = new EventSubscription<T>();
        subscription._handle = await stream.SubscribeAsync((item, _) =>
        {
            subscription._events.Writer.TryWrite(item);
            return Task.CompletedTask;
        });
        return subscription;
    }

    /// <inheritdoc />
    public async IAsyncEnumerator<T> GetAsyncEnumerator(CancellationToken cancellationToken = default)
    {
        await foreach (var item in _events.Reader.ReadAllAsync(cancellationToken))
        {
            yield return item;
        }
    }

    /// <summary>Unsubscribes; the enumeration ends once what was received is read.</summary>
    public async ValueTask DisposeAsync()
    {
        _events.Writer.TryComplete();
        if (Interlocked.Exchange(ref _handle, null) is { } handle)
        {
            try
            {
                await handle.UnsubscribeAsync();
            }
            catch (ObjectDisposedException)
            {
                // The client has stopped: its subscriptions went with it.
            }
        }
    }
}
