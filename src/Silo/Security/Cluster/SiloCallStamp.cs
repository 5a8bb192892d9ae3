using AriaPro.Grains.Interfaces.Security;
using AriaPro.Grains.Security;

namespace AriaPro.Silo.Security.Cluster;

/// <summary>
/// Every call a silo makes (its grains, timers, hosted services and HTTP facade) carries the
/// cluster's system credential, so the call guard of the silo it reaches lets it through. A
/// caller's token never travels beyond the first call (it was checked there; inner calls are the
/// silo's own), and nothing is sent to an outside client: a stream event delivered to an SDK
/// subscriber must not hand it a credential it could replay.
/// </summary>
internal sealed class SiloCallStamp(SystemCallCredential credential) : IOutgoingGrainCallFilter
{
    // Most calls are grains calling grains inside one request, whose context already holds this
    // silo's current credential and no token: nothing to change, so nothing is copied. Otherwise
    // the change is made in an async method, so it applies to this call and never to its caller.
    public Task Invoke(IOutgoingGrainCallContext context)
    {
        var outside = ClusterCallGuard.IsOutsideClient(context.TargetId);
        var stamp = RequestContext.Get(CallCredentials.System) as string;
        var unchanged = RequestContext.Get(CallCredentials.Token) is null && RequestContext.Get(CallCredentials.Caller) is null
            && (outside ? stamp is null : string.Equals(stamp, credential.Current(), StringComparison.Ordinal));
        return unchanged ? context.Invoke() : Restamp(context, outside);
    }

    private async Task Restamp(IOutgoingGrainCallContext context, bool outside)
    {
        // Each change copies the context: when it holds credentials only (the usual case: a call
        // that came from a client, or one from a timer), one new context replaces them all.
        if (RequestContext.Keys.All(key => key is CallCredentials.Token or CallCredentials.Caller or CallCredentials.System))
        {
            RequestContext.Clear();
            if (!outside)
            {
                RequestContext.Set(CallCredentials.System, credential.Current());
            }

            await context.Invoke();
            return;
        }

        RequestContext.Remove(CallCredentials.Token);
        RequestContext.Remove(CallCredentials.Caller);
        if (outside)
        {
            RequestContext.Remove(CallCredentials.System);
        }
        else
        {
            RequestContext.Set(CallCredentials.System, credential.Current());
        }

        await context.Invoke();
    }
}
