using AriaPro.Grains.Interfaces.MarketData;
using AriaPro.Grains.Signals.Models;

namespace AriaPro.Grains.Tests.Signals;

/// <summary>A model that blocks until the test lets it go, to drive the inference timeout.</summary>
public sealed class SlowModel : ISignalModel
{
    private readonly ManualResetEventSlim _gate = new(false);
    private TaskCompletionSource _started = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public string Id => "test-slow";

    public string Version => "test";

    public IReadOnlyList<string> Features => [];

    public int BarsNeeded => 1;

    /// <summary>Completes once a prediction is running.</summary>
    public Task Started => _started.Task;

    public ModelPrediction Predict(IReadOnlyList<Bar> bars, CancellationToken cancellationToken)
    {
        _started.TrySetResult();
        _gate.Wait(TimeSpan.FromSeconds(30));
        return new(0.6);
    }

    public void Release()
    {
        _gate.Set();
        _started = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}

/// <summary>A model whose behaviour the test switches: succeed, throw, or answer NaN.</summary>
public sealed class SwitchModel(string id) : ISignalModel
{
    public string Id => id;

    public string Version => "test";

    public IReadOnlyList<string> Features => [];

    public int BarsNeeded => 1;

    public volatile string Mode = "succeed";

    public ModelPrediction Predict(IReadOnlyList<Bar> bars, CancellationToken cancellationToken) => Mode switch
    {
        "throw" => throw new InvalidOperationException("deliberate test failure"),
        "nan" => new(double.NaN),
        _ => new(0.7),
    };
}
