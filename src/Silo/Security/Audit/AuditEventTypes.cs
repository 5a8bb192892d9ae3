namespace AriaPro.Silo.Security.Audit;

/// <summary>The fixed set of audit event types, as written to the audit log and the <c>security_event</c> stream.</summary>
public static class AuditEventTypes
{
    public const string TokenIssued = "token_issued";
    public const string AuthenticationFailed = "authentication_failed";
    public const string AccessDenied = "access_denied";
    public const string ApiKeyCreated = "api_key_created";
    public const string ApiKeyRevoked = "api_key_revoked";
    public const string JwtRotated = "jwt_rotated";
    public const string TokenRevoked = "token_revoked";
    public const string RateLimitPenalty = "rate_limit_penalty";
    public const string BreakerReset = "breaker_reset";
    public const string BreakerHalted = "breaker_halted";
    public const string BreakerResumed = "breaker_resumed";
    public const string OrderSubmitted = "order_submitted";

    /// <summary>An admin flattened one symbol or every symbol.</summary>
    public const string Flattened = "flattened";

    /// <summary>An admin lifted the portfolio kill switch.</summary>
    public const string TradingResumed = "trading_resumed";

    /// <summary>An admin acknowledged an alert.</summary>
    public const string AlertAcknowledged = "alert_acknowledged";

    /// <summary>A grain call from outside the silos (the SDK) that changes something: who, which method, on which grain, and how it ended.</summary>
    public const string GrainCall = "grain_call";

    /// <summary>Every type above.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        TokenIssued, AuthenticationFailed, AccessDenied, ApiKeyCreated, ApiKeyRevoked, JwtRotated, TokenRevoked,
        RateLimitPenalty, BreakerReset, BreakerHalted, BreakerResumed, OrderSubmitted, Flattened, TradingResumed, AlertAcknowledged, GrainCall,
    ];
}
