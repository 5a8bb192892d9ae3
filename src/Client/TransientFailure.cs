namespace AriaPro.Client;

/// <summary>
/// Tells a failure that may succeed when retried (a silo died, a call timed out, the cluster's
/// Redis is down, however deeply a provider wrapped it) from a refusal that will not (bad input,
/// a used client order id). AriaPro acknowledges nothing it has not stored, so after a transient
/// failure the same request may be sent again; orders are safe by their client order id.
/// </summary>
public static class TransientFailure
{
    /// <summary>The exception in <paramref name="exception"/>'s inner chain that makes it transient, or null.</summary>
    public static Exception? Cause(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current is ArgumentException or Grains.Interfaces.Trading.ClientOrderIdConflictException)
            {
                return null;
            }

            if (current is OrleansMessageRejectionException or SiloUnavailableException or TimeoutException or OrleansException
                or StackExchange.Redis.RedisException)
            {
                return current;
            }
        }

        return null;
    }
}
