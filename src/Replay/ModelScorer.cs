using AriaPro.Grains.Interfaces.Signals;

namespace AriaPro.Replay;

/// <summary>Scores each model's call on a bar against the next bar's close, from the contributions of the fused signals.</summary>
internal sealed class ModelScorer
{
    private readonly List<string> _order = [];
    private readonly Dictionary<string, (int Answers, int Scored, int Hits)> _tally = new(StringComparer.Ordinal);
    private List<(string ModelId, bool Up)> _pending = [];
    private decimal _pendingClose;

    /// <summary>Scores the previous bar's calls against <paramref name="close"/>, then remembers this bar's.</summary>
    public void Observe(decimal close, IReadOnlyList<SignalContribution> contributions)
    {
        if (close != _pendingClose)
        {
            foreach (var (id, up) in _pending)
            {
                var (answers, scored, hits) = _tally[id];
                _tally[id] = (answers, scored + 1, hits + (close > _pendingClose == up ? 1 : 0));
            }
        }

        _pending = [];
        _pendingClose = close;
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
                    _pending.Add((contribution.ModelId, probability > 0.5));
                }
            }
        }
    }

    /// <summary>The tallies, in the order the models first appeared.</summary>
    public IReadOnlyList<ModelAccuracy> Results() =>
        _order.Select(id => new ModelAccuracy(id, _tally[id].Answers, _tally[id].Scored, _tally[id].Hits)).ToList();
}
