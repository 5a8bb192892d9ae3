using Microsoft.Extensions.DependencyInjection;
using Orleans.Runtime.Hosting;
using Orleans.Storage;

namespace AriaPro.Grains.Hosting;

/// <summary>Name of the grain storage provider that holds trading state.</summary>
public static class AriaStorage
{
    /// <summary>The provider name: in this process when embedded, Redis in cluster mode.</summary>
    public const string Name = "aria";

    /// <summary>The storage the stream provider keeps its subscriptions in (the name Orleans looks for).</summary>
    public const string PubSub = "PubSubStore";

    /// <summary>Adds an <see cref="InProcessGrainStorage"/> under <paramref name="name"/>: the embedded mode's storage.</summary>
    public static ISiloBuilder AddInProcessGrainStorage(this ISiloBuilder silo, string name)
    {
        silo.Services.AddGrainStorage(name, (services, _) => ActivatorUtilities.CreateInstance<InProcessGrainStorage>(services));
        return silo;
    }
}
