namespace AriaPro.Silo.Monitoring.Notifications;

/// <summary>The defaults of <see cref="AlertDeliveryOptions"/>.</summary>
public static class AlertDeliveryConstants
{
    /// <summary>How many alerts each channel holds before it drops the oldest.</summary>
    public const int QueueCapacity = 1_000;

    /// <summary>Attempts per alert and channel, the first one included.</summary>
    public const int MaxAttempts = 10;

    /// <summary>The wait before the first retry; each later wait doubles it.</summary>
    public static readonly TimeSpan InitialRetryDelay = TimeSpan.FromMilliseconds(500);

    /// <summary>The longest wait between two attempts, a receiver's <c>Retry-After</c> included.</summary>
    public static readonly TimeSpan MaxRetryDelay = TimeSpan.FromSeconds(30);

    /// <summary>How long one attempt (one POST, one SMTP session) may take.</summary>
    public static readonly TimeSpan AttemptTimeout = TimeSpan.FromSeconds(10);

    /// <summary>How long a stopping silo keeps delivering what is queued.</summary>
    public static readonly TimeSpan StopGrace = TimeSpan.FromSeconds(5);
}
