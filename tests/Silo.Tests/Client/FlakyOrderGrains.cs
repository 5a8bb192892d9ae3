using System.Reflection;
using AriaPro.Grains.Interfaces.Trading;

namespace AriaPro.Silo.Tests.Client;

/// <summary>
/// An <see cref="IGrainFactory"/> whose order entry fails its first calls the way a dead silo
/// does, then answers; it records the client order id of every call that reached it.
/// </summary>
/// <remarks>Not sealed: <see cref="DispatchProxy"/> derives proxy types from it.</remarks>
public class FlakyOrderGrains : DispatchProxy
{
    private FlakyOrderGrains? _owner;

    public List<string> Calls { get; } = [];

    /// <summary>What each of the first calls throws, in order; later calls succeed.</summary>
    public Queue<Exception> Failures { get; } = new();

    public IGrainFactory Grains { get; private set; } = null!;

    public static FlakyOrderGrains Create()
    {
        var factory = Create<IGrainFactory, FlakyOrderGrains>();
        var grains = (FlakyOrderGrains)(object)factory;
        grains.Grains = factory;
        return grains;
    }

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        ArgumentNullException.ThrowIfNull(targetMethod);
        if (_owner is null)
        {
            Assert.Equal(typeof(IOrderEntryGrain), targetMethod.ReturnType);
            var grain = Create<IOrderEntryGrain, FlakyOrderGrains>();
            ((FlakyOrderGrains)(object)grain)._owner = this;
            return grain;
        }

        var request = (OrderRequest)args![0]!;
        _owner.Calls.Add(request.ClientOrderId);
        if (_owner.Failures.TryDequeue(out var failure))
        {
            return Task.FromException<SubmitResult>(failure);
        }

        Assert.Equal(nameof(IOrderEntryGrain.Submit), targetMethod.Name);
        var order = new OrderView(request.ClientOrderId, request.Symbol, request.Side, request.Type, request.Quantity, request.LimitPrice,
            0m, null, OrderStatus.Submitted, null, request.Source, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, null, false);
        return Task.FromResult(new SubmitResult(order, Duplicate: _owner.Calls.Count > 1));
    }
}
