using AriaPro.Grains.Hosting;
using AriaPro.Grains.Interfaces.Events;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;

namespace AriaPro.Grains.Tests.Cluster;

/// <summary>The embedded mode's providers for a test silo: in-process storage (with the silo's serializer), reminders and streams.</summary>
public static class InMemorySilo
{
    public static ISiloBuilder AddInMemoryProviders(this ISiloBuilder silo)
    {
        silo.Services.AddSingleton<IGrainStorageSerializer, OrleansGrainStorageSerializer>();
        silo.AddInProcessGrainStorage(AriaStorage.Name);
        silo.UseInMemoryReminderService();
        silo.AddInProcessGrainStorage(AriaStorage.PubSub);
        silo.AddMemoryStreams(AriaStreams.Provider);
        return silo;
    }
}
