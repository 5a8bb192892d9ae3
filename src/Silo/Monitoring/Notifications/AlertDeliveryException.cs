namespace AriaPro.Silo.Monitoring.Notifications;

/// <summary>
/// A delivery the receiver refused. <see cref="IsPermanent"/> says whether trying again can help
/// (an HTTP 400, an SMTP 550, bad credentials) or not; <see cref="RetryAfter"/> carries the
/// receiver's own wish of when to try again. Any other exception a channel throws counts as
/// transient.
/// </summary>
public sealed class AlertDeliveryException : Exception
{
    /// <summary>Creates the exception.</summary>
    public AlertDeliveryException(string message, bool isPermanent, TimeSpan? retryAfter = null, Exception? innerException = null)
        : base(message, innerException)
    {
        IsPermanent = isPermanent;
        RetryAfter = retryAfter;
    }

    /// <summary>Whether trying again cannot help.</summary>
    public bool IsPermanent { get; }

    /// <summary>How long the receiver asked us to wait, if it said.</summary>
    public TimeSpan? RetryAfter { get; }
}
