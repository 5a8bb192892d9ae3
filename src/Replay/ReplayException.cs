namespace AriaPro.Replay;

/// <summary>A replay that cannot run or report: bad options, unusable data, a missing chart font.</summary>
public sealed class ReplayException : Exception
{
    /// <summary>Creates the exception with a message a person can act on.</summary>
    public ReplayException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the failure behind it.</summary>
    public ReplayException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
