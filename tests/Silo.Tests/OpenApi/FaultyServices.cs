using Microsoft.Extensions.DependencyInjection;

namespace AriaPro.Silo.Tests.OpenApi;

/// <summary>A request's services with <see cref="IGrainFactory"/> replaced; everything else (keyed services too) from the real ones.</summary>
internal sealed class FaultyServices(IServiceProvider inner, IGrainFactory grains) : IKeyedServiceProvider
{
    public object? GetService(Type serviceType) => serviceType == typeof(IGrainFactory) ? grains : inner.GetService(serviceType);

    public object? GetKeyedService(Type serviceType, object? serviceKey) => ((IKeyedServiceProvider)inner).GetKeyedService(serviceType, serviceKey);

    public object GetRequiredKeyedService(Type serviceType, object? serviceKey) => ((IKeyedServiceProvider)inner).GetRequiredKeyedService(serviceType, serviceKey);
}
