namespace AriaPro.Silo.Monitoring.Notifications;

/// <summary>
/// When to try a failed delivery again: exponential backoff from
/// <see cref="AlertDeliveryOptions.InitialRetryDelay"/>, doubling up to
/// <see cref="AlertDeliveryOptions.MaxRetryDelay"/>, for at most
/// <see cref="AlertDeliveryOptions.MaxAttempts"/> attempts. A receiver's own wish
/// (<c>Retry-After</c>) replaces the backoff, capped at the same maximum so a receiver cannot park
/// the channel for an hour. No jitter: one silo at a time delivers an alert, so there is no herd.
/// </summary>
public sealed class AlertRetryPolicy(AlertDeliveryOptions options)
{
    /// <summary>
    /// The wait before attempt <paramref name="failedAttempts"/> + 1, or null when the alert has had
    /// all its attempts.
    /// </summary>
    public TimeSpan? NextDelay(int failedAttempts, TimeSpan? retryAfter = null)
    {
        if (failedAttempts >= options.MaxAttempts)
        {
            return null;
        }

        if (retryAfter is { } asked)
        {
            return Clamp(asked);
        }

        // Doubling in ticks overflows past ~60 doublings; the cap is reached long before.
        var exponent = Math.Min(failedAttempts - 1, 30);
        var ticks = options.InitialRetryDelay.Ticks * Math.Pow(2, exponent);
        return ticks >= options.MaxRetryDelay.Ticks ? options.MaxRetryDelay : Clamp(TimeSpan.FromTicks((long)ticks));
    }

    private TimeSpan Clamp(TimeSpan delay) =>
        delay < TimeSpan.Zero ? TimeSpan.Zero : delay > options.MaxRetryDelay ? options.MaxRetryDelay : delay;
}
