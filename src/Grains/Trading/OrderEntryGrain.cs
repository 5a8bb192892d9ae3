using AriaPro.Grains.Interfaces.Trading;
using Orleans.Concurrency;

namespace AriaPro.Grains.Trading;

/// <summary>The outside's door for one order: <see cref="OrderIntake"/> on the silo that took the call.</summary>
[GrainType("order-entry"), StatelessWorker, Reentrant]
public sealed class OrderEntryGrain(OrderIntake intake) : Grain, IOrderEntryGrain
{
    public Task<SubmitResult> Submit(OrderRequest request) => intake.Submit(request);
}
