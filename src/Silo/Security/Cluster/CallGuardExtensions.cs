using Orleans.Hosting;

namespace AriaPro.Silo.Security.Cluster;

/// <summary>Puts the call guard in front of every grain of the silo and the system credential on every call it makes.</summary>
public static class CallGuardExtensions
{
    /// <summary>Adds <see cref="ClusterCallGuard"/> and <see cref="SiloCallStamp"/> to the silo.</summary>
    public static ISiloBuilder AddAriaCallGuard(this ISiloBuilder silo)
    {
        silo.Services.AddSingleton<CallerTokens>();
        silo.AddIncomingGrainCallFilter<ClusterCallGuard>();
        silo.AddOutgoingGrainCallFilter<SiloCallStamp>();
        return silo;
    }
}
