using AriaPro.Grains.Interfaces.Signals;

namespace AriaPro.Replay;

/// <summary>
/// Scores each model's call on a bar against the same pair's next close, from the contributions of
/// the fused signals; a model's tally is summed over every pair it answered for.
/// </summary>
internal sealed class ModelScorer
{
    private readonly List<string> _order = [];
    private readonly Dictionary<string, (int Answers, int Scored, int Hits)> _tally = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (List<(string ModelId, bool Up)> Calls, decimal Close)> _pending = new(StringComparer.Ordinal);

    /// <summary>Scores the previous bar's calls against <paramref name="close"/>, then remembers this bar's (one pair).</summary>
    public void Observe(decimal close, IReadOnlyList<SignalContribution> contributions) => Observe(string.Empty, close, contributions);

    /// <summary>Scores the previous calls on <paramref name="symbol"/> against <paramref name="close"/>, then remembers this bar's.</summary>
    public void Observe(string symbol, decimal close, IReadOnlyList<SignalContribution> contributions)
    {
        if (_pending.TryGetValue(symbol, out var previous) && close != previous.Close)
        {
            foreach (var (id, up) in previous.Calls)
            {
                var (answers, scored, hits) = _tally[id];
                _tally[id] = (answers, scored + 1, hits + (close > previous.Close == up ? 1 : 0));
            }
        }

        var calls = new List<(string ModelId, bool Up)>();
        _pending[symbol] = (calls, close);
        foreach (var contribution in contributions)
        {
            if (!_tally.ContainsKey(contribution.ModelId))
            {
                _order.Add(contribution.ModelId);
                _tally[contribution.ModelId] = (0, 0, 0);
            }

            if (contribution.Outcome == InferenceOutcome.Success && contribution.ProbabilityUp is { } probability)
            {
                var (answers, scored, hits) = _tally[contribution.ModelId];
                _tally[contribution.ModelId] = (answers + 1, scored, hits);
                if (probability != 0.5)
                {
                    calls.Add((contribution.ModelId, probability > 0.5));
                }
            }
        }
    }

    /// <summary>The tallies, in the order the models first appeared.</summary>
    public IReadOnlyList<ModelAccuracy> Results() =>
        _order.Select(id => new ModelAccuracy(id, _tally[id].Answers, _tally[id].Scored, _tally[id].Hits)).ToList();
}
