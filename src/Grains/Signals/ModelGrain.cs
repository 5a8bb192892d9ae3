using AriaPro.Core.Trading;
using System.Diagnostics;
using AriaPro.Grains.Events;
using AriaPro.Grains.Hosting;
using AriaPro.Grains.Interfaces.MarketData;
using AriaPro.Grains.Interfaces.Signals;
using AriaPro.Grains.Monitoring;
using AriaPro.Grains.Signals.Health;
using AriaPro.Grains.Signals.Models;
using AriaPro.Grains.Trading;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AriaPro.Grains.Signals;

/// <summary>
/// Owns one model's health. Every inference runs on the thread pool, off the grain scheduler,
/// raced against AI_MODEL_TIMEOUT on the trading clock; an exception, a timeout or a non-finite
/// probability is a recorded failure, never a crash and never a signal. The model itself is looked
/// up in this silo's catalog for every inference, so a reload takes effect at the next one; a model
/// a reload removed is skipped with a message.
/// </summary>
[GrainType("model")]
public sealed partial class ModelGrain(
    [PersistentState("model", AriaStorage.Name)] IPersistentState<ModelHealthState> store,
    ModelCatalog catalog,
    IOptions<ModelHealthOptions> options,
    AriaMetrics metrics,
    [FromKeyedServices(AriaClock.Key)] TimeProvider time,
    ILogger<ModelGrain> logger) : Grain, IModelGrain
{
    private const int SuccessesPerWrite = 10;
    private readonly ILogger<ModelGrain> _logger = logger;
    private int _unsaved;
    private BreakerEvents _events = null!;
    private ModelHealthTracker _health = null!;

    private string Id => this.GetPrimaryKeyString();

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _health = new(store.State, options.Value);
        _events = new(this, "model", Id, metrics, time, _logger);
        _events.Hosted(store.State.Breaker.State);
        return Task.CompletedTask;
    }

    public async Task<ModelInference> Infer(string symbol, IReadOnlyList<Bar> bars)
    {
        if (catalog.Find(Id) is not { Model: var model })
        {
            return Answer(InferenceOutcome.Skipped, null, $"model '{Id}' is not loaded on this silo (model manifest {catalog.ManifestVersion}): a reload removed it or this silo refused it", 0.0);
        }

        var inferenceId = _health.NextInferenceId();
        _health.ScoreAccuracy(symbol, bars);
        var skip = _health.Admit(inferenceId, time.GetUtcNow(), out var admitted);
        Breaker(admitted);
        if (skip is not null)
        {
            return Answer(InferenceOutcome.Skipped, null, skip, 0.0);
        }

        var started = Stopwatch.GetTimestamp();
        var (outcome, probability, message) = await RunSafely(model, bars);
        var latency = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        store.State.NotReady = outcome == InferenceOutcome.NotReady ? message : null;
        var transition = _health.Record(inferenceId, new(outcome, latency, outcome == InferenceOutcome.Error ? message : null), time.GetUtcNow());
        Breaker(transition);
        metrics.Inference(Id, outcome.ToString(), latency, _health.SuccessRate);
        if (outcome == InferenceOutcome.Success)
        {
            _health.Predicted(symbol, bars[^1], probability!.Value);
        }
        else if (outcome != InferenceOutcome.NotReady)
        {
            LogFailed(Id, symbol, outcome.ToString(), message);
        }

        // Failures and breaker changes are written at once: a restart must not forget a broken
        // model. Successes are written every few inferences; losing a handful of them changes nothing.
        if (outcome != InferenceOutcome.Success || transition is not null || ++_unsaved >= SuccessesPerWrite)
        {
            _unsaved = 0;
            await Save();
        }

        return Answer(outcome, probability, message, latency);
    }

    public Task<ModelHealthView> GetHealth() => Task.FromResult(View());

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        _events.Left();
        if (_unsaved > 0)
        {
            await Save();
        }
    }

    public async Task<ModelHealthView> Reset()
    {
        Breaker(_health.Reset());
        await Save();
        return View();
    }

    public async Task<ModelHealthView> Isolate(string reason)
    {
        Breaker(_health.Isolate(string.IsNullOrWhiteSpace(reason) ? "isolated by an operator" : reason));
        await Save();
        return View();
    }

    // The timeout timer is created before the work starts, so a fake clock advanced once the model
    // is running always finds it.
    private async Task<(InferenceOutcome Outcome, double? Probability, string? Message)> RunSafely(ISignalModel model, IReadOnlyList<Bar> bars)
    {
        using var cancel = new CancellationTokenSource();
        var deadline = Task.Delay(options.Value.ModelTimeout, time, cancel.Token);
        var work = Task.Run(() => model.Predict(bars, cancel.Token), cancel.Token);
        if (await Task.WhenAny(work, deadline) != work)
        {
            await cancel.CancelAsync();
            _ = work.ContinueWith(static t => t.Exception, TaskContinuationOptions.OnlyOnFaulted);
            return (InferenceOutcome.Timeout, null, $"no answer within {options.Value.ModelTimeout.TotalSeconds:F1}s (AI_MODEL_TIMEOUT)");
        }

        await cancel.CancelAsync();
        try
        {
            var prediction = await work;
            if (prediction.NotReady is { } reason)
            {
                return (InferenceOutcome.NotReady, null, reason);
            }

            return double.IsFinite(prediction.ProbabilityUp) && prediction.ProbabilityUp is >= 0.0 and <= 1.0
                ? (InferenceOutcome.Success, prediction.ProbabilityUp, null)
                : (InferenceOutcome.NonFinite, null, $"probability {prediction.ProbabilityUp} is not a number in 0..1");
        }
        catch (Exception exception)
        {
            return (InferenceOutcome.Error, null, exception.GetType().Name);
        }
    }

    private ModelInference Answer(InferenceOutcome outcome, double? probability, string? message, double latency)
    {
        var view = View();
        return new(Id, outcome, probability, message, view.SuccessRate, view.Accuracy, latency);
    }

    private ModelHealthView View() => catalog.Find(Id) is { } entry
        ? _health.View(Id, entry.Model.Version, entry.Kind, time.GetUtcNow())
        : _health.View(Id, "-", "not loaded", time.GetUtcNow());

    private void Breaker(CircuitTransition? transition)
    {
        if (transition is { } t)
        {
            LogBreaker(Id, t.From.ToString(), t.To.ToString(), t.Reason);
            _events.Add(t);
        }
    }

    // Breaker events go out only once the state that caused them is stored.
    private async Task Save()
    {
        await store.WriteOrRestartAsync(this);
        await _events.PublishAsync();
    }
}
