namespace AriaPro.Client;

/// <summary>
/// The cluster did not answer: the client could not connect within
/// <see cref="AriaProClientOptions.ConnectTimeout"/>, or a call kept failing transiently for
/// <see cref="AriaProClientOptions.RetryFor"/> (the last failure is the inner exception). Every call
/// is safe to send again, an order with the same client order id.
/// </summary>
public sealed class AriaUnavailableException : Exception
{
    /// <summary>Creates the exception.</summary>
    public AriaUnavailableException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }
}
