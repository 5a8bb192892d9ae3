using AriaPro.Grains.Interfaces.Risk;
using Microsoft.Extensions.Logging;

namespace AriaPro.Grains.Risk;

/// <summary>The risk grain's storage and its day: positions saved together, the state re-read after a failed write, and the end-of-day close under the cluster-wide lock.</summary>
public sealed partial class RiskGrain
{
    // The snapshot runs once across the cluster: under the end-of-day lock, at most once per UTC
    // date, and never with a fencing token older than the last close's (a stalled holder whose
    // lease ran out cannot close a day that a newer holder already closed).
    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName != EndOfDayReminder)
        {
            return;
        }

        await using var handle = await locks.AcquireAsync(EndOfDayLock, TimeSpan.FromMinutes(1), TimeSpan.FromSeconds(10), above: State.LastCloseFence);
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        if (handle.FencingToken <= State.LastCloseFence || State.LastDayClosed is { } last && DateOnly.FromDateTime(last.UtcDateTime) == today)
        {
            LogCloseSkipped(handle.FencingToken, State.LastCloseFence, State.LastDayClosed);
            return;
        }

        State.LastCloseFence = handle.FencingToken;
        await CloseDay();
    }

    // A failed save is tried again at the next tick, after Write has re-read storage; it is
    // logged once per outage, not on every tick.
    private async Task SavePositions()
    {
        if (!_positionsUnsaved)
        {
            return;
        }

        try
        {
            await Write();
            if (_saveFailing)
            {
                _saveFailing = false;
                LogPositionsSavedAgain(State.Positions.Count);
            }
        }
        catch (Exception exception)
        {
            if (!_saveFailing)
            {
                _saveFailing = true;
                LogPositionsNotSaved(exception, State.Positions.Count);
            }
        }
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        metrics.ForgetRisk();
        await SavePositions();
    }

    // Every write stores the positions too. After a failed write this activation's state and ETag
    // may no longer be storage's (a write that timed out may still have landed, and every later
    // write would then fail on the ETag for good): read storage again, keeping the positions
    // reported since, which the next tick stores.
    private async Task Write(CancellationToken cancellationToken = default)
    {
        try
        {
            _positionsUnsaved = false;
            await store.WriteStateAsync(cancellationToken);
        }
        catch
        {
            _positionsUnsaved = true;
            await Reload();
            throw;
        }
    }

    private async Task Reload()
    {
        var reported = State.Positions;
        try
        {
            await store.ReadStateAsync();
        }
        catch (Exception exception)
        {
            // Storage does not answer yet; the next save fails again and reads again.
            LogReloadFailed(exception);
            return;
        }

        foreach (var (symbol, report) in reported)
        {
            State.Positions[symbol] = report;
        }

        _figures = null;
    }

    public async Task<PortfolioRisk> CloseDay()
    {
        var metrics = await Compute();
        double? dayReturn = null;
        if (State.LastCloseEquity is > 0m and var previous)
        {
            dayReturn = (double)(metrics.Equity / previous) - 1.0;
            State.Returns.Add(dayReturn.Value);
            if (State.Returns.Count > _options.LookbackDays)
            {
                State.Returns.RemoveRange(0, State.Returns.Count - _options.LookbackDays);
            }
        }

        State.LastCloseEquity = metrics.Equity;
        State.DayStartEquity = metrics.Equity;
        State.LastDayClosed = time.GetUtcNow();
        await Write();
        LogDayClosed(metrics.Equity, _options.AccountCurrency, dayReturn, State.Returns.Count);
        return await Compute();
    }

    private DateTimeOffset NextEndOfDay(DateTimeOffset now)
    {
        var today = new DateTimeOffset(DateOnly.FromDateTime(now.UtcDateTime).ToDateTime(_options.EndOfDay), TimeSpan.Zero);
        return today > now ? today : today.AddDays(1);
    }
}
