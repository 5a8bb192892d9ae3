namespace AriaPro.Client;

/// <summary>No AriaPro silo answered: the client could not connect within <see cref="AriaProClientOptions.ConnectTimeout"/>.</summary>
public sealed class AriaUnavailableException : Exception
{
    /// <summary>Creates the exception.</summary>
    public AriaUnavailableException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }
}
