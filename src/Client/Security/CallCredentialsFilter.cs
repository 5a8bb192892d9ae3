using AriaPro.Grains.Interfaces.Security;

namespace AriaPro.Client.Security;

/// <summary>
/// Puts the client's token on every grain call it makes, but the token exchange itself and the
/// runtime's own calls to silo system targets (the cluster manifest it connects with, before any
/// token can be had).
/// </summary>
internal sealed class CallCredentialsFilter(ClientToken token) : IOutgoingGrainCallFilter
{
    public Task Invoke(IOutgoingGrainCallContext context)
    {
        if (context.TargetId.Type.IsSystemTarget() || context.InterfaceMethod.DeclaringType == typeof(ITokenIssuerGrain))
        {
            return context.Invoke();
        }

        var current = token.GetAsync();
        return current.IsCompletedSuccessfully ? Send(context, current.Result) : SendAsync(context, current);
    }

    // Set without a state machine of its own: the token stays in the caller's context for its next
    // calls, which is harmless (it is this client's own token) and saves a copy per call.
    private static Task Send(IOutgoingGrainCallContext context, string? bearer)
    {
        if (bearer is not null)
        {
            RequestContext.Set(CallCredentials.Token, bearer);
        }

        return context.Invoke();
    }

    private static async Task SendAsync(IOutgoingGrainCallContext context, ValueTask<string?> pending) =>
        await Send(context, await pending);
}
