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
    // Async, so that what is set here applies to this call only and never to its caller's context.
    public async Task Invoke(IOutgoingGrainCallContext context)
    {
        RequestContext.Remove(CallCredentials.Token);
        if (ClusterCallGuard.IsOutsideClient(context.TargetId))
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
