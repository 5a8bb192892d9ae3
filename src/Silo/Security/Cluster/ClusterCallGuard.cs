using AriaPro.Grains.Interfaces.Security;
using AriaPro.Grains.Interfaces.Trading;
using AriaPro.Grains.Security;
using AriaPro.Silo.Security.Audit;
using AriaPro.Silo.Security.RateLimiting;

namespace AriaPro.Silo.Security.Cluster;

/// <summary>
/// The guard of every grain call that reaches this silo, whoever sends it and through whichever
/// door. A call made inside a silo of the cluster carries the system credential
/// (<see cref="SiloCallStamp"/>) and passes. Any other call (an SDK client through the gateway) must
/// carry a valid token (<see cref="CallCredentials.Token"/>, the same tokens HTTP takes) whose roles
/// reach the method (<see cref="CallRule"/>); it then counts against the same rate limits as that
/// API key's HTTP requests, and a call that changes something is written to the audit trail with the
/// caller's key id. Without credentials a call gets nothing but the cluster manifest a client needs
/// to connect, and the token exchange.
/// </summary>
internal sealed partial class ClusterCallGuard(
    SystemCallCredential system,
    CallerTokens tokens,
    RateLimiter limiter,
    IAuditLog audit,
    SecurityMetrics metrics,
    ILogger<ClusterCallGuard> logger) : IIncomingGrainCallFilter
{
    /// <summary>The principal anonymous gateway calls are counted under (the token exchange).</summary>
    public const string AnonymousPrincipal = "gateway:anonymous";

    private readonly ILogger<ClusterCallGuard> _logger = logger;

    /// <summary>True when <paramref name="target"/> is a client outside the silos (not a silo's own hosted client).</summary>
    public static bool IsOutsideClient(GrainId target) =>
        target.IsClient() && !target.Key.ToString().StartsWith("hosted-", StringComparison.Ordinal);

    // A grain timer's tick is a message the activation sends itself, its body an object of the
    // runtime's that never crosses the wire: no client can send one.
    private static bool IsTimerTick(IIncomingGrainCallContext context) =>
        context.Request.GetType().FullName == "Orleans.Runtime.GrainTimer+TimerTickInvoker";

    // The silos' own calls, nearly all of them, pass without a state machine of their own.
    public Task Invoke(IIncomingGrainCallContext context) =>
        IsTimerTick(context) || system.Verify(RequestContext.Get(CallCredentials.System) as string) ? context.Invoke() : Guarded(context);

    private async Task Guarded(IIncomingGrainCallContext context)
    {
        var rule = CallRule.Of(context.InterfaceMethod);
        var (principal, caller) = await Authorize(context, rule);
        if (caller is null)
        {
            RequestContext.Remove(CallCredentials.Caller);
        }
        else
        {
            RequestContext.Set(CallCredentials.Caller, caller.Id);
        }

        var decision = await limiter.CheckAsync(principal, rule.Endpoint);
        if (!decision.Admitted)
        {
            metrics.RateLimited(decision);
            throw new CallRateLimitedException(
                $"{rule.Name} refused: over the {decision.Scope?.ToString().ToLowerInvariant()} rate limit of {principal}; retry after {decision.RetryAfterSeconds} s",
                decision.Scope?.ToString().ToLowerInvariant() ?? "unknown", decision.RetryAfter);
        }

        if (caller is null || !rule.Changes)
        {
            await context.Invoke();
            return;
        }

        try
        {
            await context.Invoke();
            Audit(AuditEventTypes.GrainCall, caller.Id, "ok", context, rule);
        }
        catch (Exception exception)
        {
            Audit(AuditEventTypes.GrainCall, caller.Id, $"failed: {exception.GetType().Name}", context, rule);
            throw;
        }
    }

    // The caller's principal for the rate limiter, and who it is (null for an anonymous method).
    private async Task<(string Principal, CallerTokens.Caller? Caller)> Authorize(IIncomingGrainCallContext context, CallRule rule)
    {
        if (rule.Role == AriaRoles.Anonymous)
        {
            return (AnonymousPrincipal, null);
        }

        if (RequestContext.Get(CallCredentials.Token) is not string token || token.Length == 0)
        {
            Refuse(context, rule, AuditEvent.Anonymous, AuditEventTypes.AuthenticationFailed, "no credentials");
            throw new NotAuthorizedException(
                $"{rule.Name} refused: the call carries no credentials; connect with an API key (AriaProClientOptions.ApiKey)", unauthenticated: true, rule.Role);
        }

        var (caller, refusal) = await tokens.ValidateAsync(token);
        if (caller is null)
        {
            Refuse(context, rule, AuditEvent.Anonymous, AuditEventTypes.AuthenticationFailed, refusal!);
            throw new NotAuthorizedException($"{rule.Name} refused: {refusal}", unauthenticated: true, rule.Role);
        }

        if (!caller.Has(rule.Role))
        {
            Refuse(context, rule, caller.Id, AuditEventTypes.AccessDenied, $"missing role {rule.Role}");
            throw new NotAuthorizedException(
                rule.Role == AriaRoles.System
                    ? $"{rule.Name} is internal to the cluster; no API key may call it"
                    : $"{rule.Name} needs the role {rule.Role}; the key has {string.Join(", ", caller.Roles)}",
                unauthenticated: false, rule.Role);
        }

        return ("key:" + caller.Id, caller);
    }

    private void Refuse(IIncomingGrainCallContext context, CallRule rule, string principal, string type, string why)
    {
        metrics.AuthFailed("grain");
        LogRefused(rule.Name, context.TargetId.ToString(), principal, why);
        Audit(type, principal, why, context, rule);
    }

    private void Audit(string type, string principal, string outcome, IIncomingGrainCallContext context, CallRule rule) =>
        audit.Record(new AuditEvent(TimeProvider.System.GetUtcNow(), type, principal, null, "GRAIN", rule.Name, outcome,
            AuditEvent.ToDictionary([("grain", context.TargetId.ToString()), ("requiredRole", rule.Role), .. OrderOf(context.Request)])));

    // An order's entry is one grain for every order, so the entry names the order itself.
    private static (string Name, string Value)[] OrderOf(Orleans.Serialization.Invocation.IInvokable request) =>
        request.GetArgumentCount() > 0 && request.GetArgument(0) is OrderRequest { ClientOrderId: { } id } ? [("clientOrderId", id)] : [];

    [LoggerMessage(EventId = 7001, Level = LogLevel.Debug, Message = "Grain call {Method} on {Grain} by {Principal} refused: {Reason}")]
    private partial void LogRefused(string method, string grain, string principal, string reason);
}
