namespace AriaPro.Grains.Interfaces.Security;

/// <summary>A grain call over its caller's rate limit (the same limits as HTTP for the same API key); retry after <see cref="RetryAfter"/>.</summary>
[GenerateSerializer, Alias("AriaPro.CallRateLimitedException")]
public sealed class CallRateLimitedException : Exception
{
    /// <summary>Creates the exception.</summary>
    public CallRateLimitedException()
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/>.</summary>
    public CallRateLimitedException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/> and its cause.</summary>
    public CallRateLimitedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>A refusal by the limit <paramref name="limit"/>, to be retried after <paramref name="retryAfter"/>.</summary>
    public CallRateLimitedException(string message, string limit, TimeSpan retryAfter)
        : base(message)
    {
        Limit = limit;
        RetryAfter = retryAfter;
    }

    /// <summary>Which limit refused the call: principal, endpoint, global or penalty.</summary>
    [Id(0)]
    public string? Limit { get; init; }

    /// <summary>When a retry can first succeed.</summary>
    [Id(1)]
    public TimeSpan RetryAfter { get; init; }
}
