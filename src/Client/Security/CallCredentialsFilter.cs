using AriaPro.Grains.Interfaces.Security;

namespace AriaPro.Client.Security;

/// <summary>
/// Puts the client's token on every grain call it makes, but the token exchange itself and the
/// runtime's own calls to silo system targets (the cluster manifest it connects with, before any
/// token can be had).
/// </summary>
internal sealed class CallCredentialsFilter(ClientToken token) : IOutgoingGrainCallFilter
{
    public async Task Invoke(IOutgoingGrainCallContext context)
    {
        if (!context.TargetId.Type.IsSystemTarget() && context.InterfaceMethod.DeclaringType != typeof(ITokenIssuerGrain)
            && await token.GetAsync() is { } bearer)
        {
            RequestContext.Set(CallCredentials.Token, bearer);
        }

        await context.Invoke();
    }
}
