using System.ComponentModel.DataAnnotations;

namespace AriaPro.Silo.Events;

/// <summary>How the <c>GET /ws</c> event stream treats its clients.</summary>
public sealed class EventStreamOptions
{
    /// <summary>Default of <see cref="QueueCapacity"/>.</summary>
    public const int DefaultQueueCapacity = 1024;

    /// <summary>Default of <see cref="SendTimeout"/>.</summary>
    public static readonly TimeSpan DefaultSendTimeout = TimeSpan.FromSeconds(10);

    /// <summary>Default of <see cref="KeepAlive"/>.</summary>
    public static readonly TimeSpan DefaultKeepAlive = TimeSpan.FromSeconds(30);

    /// <summary>Messages queued for one client at most; a client whose queue is full is dropped.</summary>
    /// <value>The default value is 1,024.</value>
    [Range(1, 1_000_000)]
    public int QueueCapacity { get; set; } = DefaultQueueCapacity;

    /// <summary>Longest a single send to a client may take; a client slower than that is dropped.</summary>
    /// <value>The default value is 10 seconds.</value>
    public TimeSpan SendTimeout { get; set; } = DefaultSendTimeout;

    /// <summary>Interval of WebSocket pings that keep idle connections (and proxies) alive.</summary>
    /// <value>The default value is 30 seconds.</value>
    public TimeSpan KeepAlive { get; set; } = DefaultKeepAlive;

    /// <summary>Browser origins besides the facade's own that may open the stream (<c>ARIA_WS_ORIGINS</c>).</summary>
    /// <value>The default value is empty: the facade's own origin only.</value>
    public IReadOnlyList<Uri> AllowedOrigins { get; set; } = [];

    /// <summary>Throws when an option is out of range, naming it.</summary>
    public void Validate()
    {
        if (QueueCapacity < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(QueueCapacity), QueueCapacity, $"{nameof(QueueCapacity)} must be at least 1");
        }

        if (SendTimeout <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(SendTimeout), SendTimeout, $"{nameof(SendTimeout)} must be positive");
        }

        if (KeepAlive < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(KeepAlive), KeepAlive, $"{nameof(KeepAlive)} must not be negative (zero turns pings off)");
        }
    }
}
