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
                or StackExchange.Redis.RedisException || IsRedisStorageFault(current))
            {
                return current;
            }
        }

        return null;
    }

    // Orleans' Redis grain storage wraps what Redis threw in a RedisStorageException (of a package
    // clients do not reference) with no inner exception, only its type and message in the text:
    // a connection lost or a timeout is transient; anything else it wraps (a state that does not
    // deserialize) is not.
    private static bool IsRedisStorageFault(Exception exception) =>
        exception.GetType().FullName == "Orleans.Persistence.Redis.RedisStorageException"
        && exception.Message.Contains("StackExchange.Redis.Redis", StringComparison.Ordinal);
}
