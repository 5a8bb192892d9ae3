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

    /// <summary>
    /// The orders' own provider, in the same store as <see cref="Name"/>: a record leaves it the
    /// retention (<c>ARIA_ORDER_RETENTION_DAYS</c>) after its last write, so an order's id stays
    /// refused for reuse that long after the order finished, and no longer.
    /// </summary>
    public const string Orders = "aria-orders";

    /// <summary>Adds an <see cref="InProcessGrainStorage"/> under <paramref name="name"/>: the memory store; with <paramref name="expiry"/>, its records leave as that says.</summary>
    public static ISiloBuilder AddInProcessGrainStorage(this ISiloBuilder silo, string name, Func<IServiceProvider, StorageExpiry>? expiry = null)
    {
        silo.Services.AddGrainStorage(name, (services, _) => expiry is null
            ? ActivatorUtilities.CreateInstance<InProcessGrainStorage>(services)
            : ActivatorUtilities.CreateInstance<InProcessGrainStorage>(services, expiry(services)));
        return silo;
    }

    /// <summary>The orders' expiry: <paramref name="retention"/> on the trading clock.</summary>
    public static Func<IServiceProvider, StorageExpiry> OrderExpiry(TimeSpan retention) =>
        services => new StorageExpiry(retention, services.GetRequiredKeyedService<TimeProvider>(AriaClock.Key));
}
