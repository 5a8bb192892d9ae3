using AriaPro.Grains.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using Orleans.Storage;

namespace AriaPro.Grains.Tests.Hosting;

/// <summary>The memory store (<c>ARIA_STORAGE=memory</c>): the contract.</summary>
[Trait("Category", "Unit")]
public sealed class InProcessGrainStorageTests : GrainStorageContract, IDisposable
{
    private readonly ServiceProvider _services = new ServiceCollection().AddSerializer().BuildServiceProvider();
    private readonly InProcessGrainStorage _storage;

    public InProcessGrainStorageTests() =>
        _storage = new(new OrleansGrainStorageSerializer(_services.GetRequiredService<Serializer>()));

    protected override IGrainStorage Storage => _storage;

    public void Dispose() => _services.Dispose();
}
