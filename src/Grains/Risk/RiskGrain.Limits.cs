using System.Collections.Immutable;
using AriaPro.Grains.Interfaces;
using AriaPro.Grains.Interfaces.Monitoring;
using AriaPro.Grains.Interfaces.Risk;
using AriaPro.Grains.Interfaces.Trading;

namespace AriaPro.Grains.Risk;

/// <summary>
/// The portfolio kill switch: once the daily loss or the drawdown reaches its limit, every symbol
/// is moved to Reducing (orders that reduce a position still pass), a critical alert fires, and the
/// pre-trade check denies anything that would grow a position, until an admin resumes trading.
/// </summary>
public sealed partial class RiskGrain
{
    /// <summary>The alert manager reporter (and alert rule) of the kill switch.</summary>
    public const string KillSwitchReporter = "risk-kill-switch";

    private DateTimeOffset _killSwitchToldAt = DateTimeOffset.MinValue;

    public async Task<LossLimitsView> ResumeTrading(string reason)
    {
        var equity = (await Compute()).Equity;
        if (State.KillSwitch is { } trip)
        {
            State.KillSwitch = null;
            State.DayStartEquity = equity;
            State.PeakEquity = equity;
            await Write();
            LogKillSwitchLifted(reason, trip.Reason);
            TellTraders(null);
            await ReportKillSwitch(null);
            _figures = null;
        }

        return LossLimits.View(_options, State, equity);
    }

    // Every computation and every reported fill looks at the limits. A trip is stored before the
    // traders hear of it; if storage fails it still holds in this activation (the next save stores
    // it). While tripped, the traders and the alert manager are told again every FiguresPeriod, so a
    // trader activated since, or a lost one-way message, still ends Reducing, and the alert stays.
    private async Task WatchLimits(decimal equity)
    {
        var limits = LossLimits.View(_options, State, equity);
        if (State.PeakEquity != limits.PeakEquity)
        {
            State.PeakEquity = limits.PeakEquity;
            _positionsUnsaved = true;
        }

        var now = time.GetUtcNow();
        if (LossLimits.Breach(limits, now, _options.AccountCurrency) is { } trip)
        {
            State.KillSwitch = trip;
            try
            {
                await Write();
            }
            catch (Exception exception)
            {
                State.KillSwitch = trip;
                _positionsUnsaved = true;
                LogKillSwitchNotStored(exception);
            }

            LogKillSwitchTripped(trip.Reason);
            _killSwitchToldAt = DateTimeOffset.MinValue;
        }

        if (State.KillSwitch is { } tripped && now - _killSwitchToldAt >= FiguresPeriod)
        {
            _killSwitchToldAt = now;
            TellTraders(tripped.Reason);
            await ReportKillSwitch(tripped);
        }
    }

    // One-way (ApplyKillSwitch is [OneWay]): a trader may be waiting on this grain (a pre-trade
    // check) right now, so waiting on it in turn could deadlock; the trader applies the change
    // after its current request.
    private void TellTraders(string? reason)
    {
        foreach (var symbol in marketOptions.Value.Symbols)
        {
            _ = GrainFactory.Of<ITraderGrain>(symbol).ApplyKillSwitch(reason);
        }
    }

    // Level-triggered: the condition holds while reported, and resolves when reported no more.
    private async Task ReportKillSwitch(KillSwitchTrip? trip)
    {
        ImmutableArray<AlertSignal> firing = trip is null
            ? []
            : [new AlertSignal(KillSwitchReporter, KillSwitchReporter, $"Kill switch: {trip.Reason}; every symbol is Reducing until an admin resumes trading",
                AlertSeverity.Critical, trip.Limit, ImmutableDictionary<string, string>.Empty.Add("limit", trip.Limit), trip.Value, trip.Threshold,
                null, null, "loss limit", trip.At, TimeSpan.Zero)];
        try
        {
            await GrainFactory.GetGrain<IAlertManagerGrain>(IAlertManagerGrain.Key).Report(KillSwitchReporter, firing);
        }
        catch (Exception exception)
        {
            // Told again at the next computation while the switch holds.
            LogKillSwitchAlertFailed(exception);
        }
    }

    // The core guard: whatever a trader's own state says, nothing grows a position while tripped.
    private string? KillSwitchDenial(RiskCheck check) =>
        State.KillSwitch is { } trip && !RiskBudget.Reduces(check) && check.ProjectedQuantity != check.CurrentQuantity
            ? $"kill switch: {trip.Reason} at {trip.At:yyyy-MM-dd HH:mm:ss}Z; only orders that reduce a position pass until an admin resumes trading (POST /trading/risk/resume)"
            : null;
}
