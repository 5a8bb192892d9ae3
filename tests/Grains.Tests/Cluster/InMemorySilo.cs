using AriaPro.Grains.Hosting;
using AriaPro.Grains.Interfaces.Events;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;

namespace AriaPro.Grains.Tests.Cluster;

/// <summary>The embedded mode's providers for a test silo: in-process storage (with the silo's serializer), reminders and streams.</summary>
public static class InMemorySilo
{
    /// <summary>How long a test silo keeps a finished order's record.</summary>
    public static readonly TimeSpan OrderRetention = TimeSpan.FromDays(3);

    public static ISiloBuilder AddInMemoryProviders(this ISiloBuilder silo)
    {
        silo.Services.AddSingleton<IGrainStorageSerializer, OrleansGrainStorageSerializer>();
        silo.AddInProcessGrainStorage(AriaStorage.Name);
        silo.UseInMemoryReminderService();
        silo.AddInProcessGrainStorage(AriaStorage.PubSub);
        silo.AddInProcessGrainStorage(AriaStorage.Orders, AriaStorage.OrderExpiry(OrderRetention));
        silo.AddMemoryStreams(AriaStreams.Provider);
        return silo;
    }
}
