using System.Collections;
using AriaPro.Grains.Interfaces.MarketData;

namespace AriaPro.Models.Tests;

/// <summary>
/// Bars whose reading blocks until the test opens the gate: a model reading them is a prediction
/// held in flight for as long as the test needs.
/// </summary>
public sealed class GatedBars(IReadOnlyList<Bar> bars) : IReadOnlyList<Bar>, IDisposable
{
    private readonly ManualResetEventSlim _gate = new(false);
    private readonly TaskCompletionSource _reading = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes once a model has started to read the bars.</summary>
    public Task Reading => _reading.Task;

    public int Count => bars.Count;

    public Bar this[int index]
    {
        get
        {
            _reading.TrySetResult();
            _gate.Wait(TimeSpan.FromSeconds(30));
            return bars[index];
        }
    }

    /// <summary>Lets every reader through.</summary>
    public void Open() => _gate.Set();

    public IEnumerator<Bar> GetEnumerator() => Enumerable.Range(0, Count).Select(i => this[i]).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public void Dispose() => _gate.Dispose();
}
