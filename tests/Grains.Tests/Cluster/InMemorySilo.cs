using AriaPro.Grains.Hosting;
using AriaPro.Grains.Interfaces.Events;

namespace AriaPro.Grains.Tests.Cluster;

/// <summary>The embedded mode's providers for a test silo: memory storage, reminders and streams.</summary>
public static class InMemorySilo
{
    public static ISiloBuilder AddInMemoryProviders(this ISiloBuilder silo)
    {
        silo.AddMemoryGrainStorage(AriaStorage.Name);
        silo.UseInMemoryReminderService();
        silo.AddMemoryGrainStorage(AriaStorage.PubSub);
        silo.AddMemoryStreams(AriaStreams.Provider);
        return silo;
    }
}
