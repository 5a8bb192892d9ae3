using System.Globalization;
using System.Runtime.InteropServices;
using AriaPro.Core.Trading;
using AriaPro.Grains.Hosting;
using AriaPro.Grains.Interfaces;
using AriaPro.Grains.Interfaces.MarketData;
using AriaPro.Grains.Interfaces.Risk;
using AriaPro.Grains.Locks;
using AriaPro.Grains.MarketData;
using AriaPro.Grains.Monitoring;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AriaPro.Grains.Risk;

/// <summary>
/// The portfolio's risk: the 1-day VaR and CVaR of the book held now by historical simulation over
/// the market data grains' daily return windows (<see cref="BookRiskCalculator"/>), which the
/// pre-trade budget holds orders to; the daily return series of marked-to-market equity (closed by
/// a daily reminder, optionally seeded from a file of closes) and its intraday samples, with their
/// metrics; and Kelly sizing. Traders push positions here; the grain never calls a trader back, so
/// a trader may ask it before every order without any risk of a call cycle.
/// </summary>
[GrainType("risk")]
public sealed partial class RiskGrain(
    [PersistentState("risk", AriaStorage.Name)] IPersistentState<RiskState> store,
    IOptions<RiskOptions> riskOptions,
    IOptions<MarketDataOptions> marketOptions,
    [FromKeyedServices(AriaClock.Key)] TimeProvider time,
    IDistributedLocks locks,
    AriaMetrics metrics,
    ILogger<RiskGrain> logger) : Grain, IRiskGrain, IRemindable
{
    private const string EndOfDayReminder = "end-of-day";

    /// <summary>The cluster-wide lock the end-of-day snapshot runs under.</summary>
    public const string EndOfDayLock = "risk:end-of-day";
    private readonly RiskOptions _options = riskOptions.Value;
    private readonly ILogger<RiskGrain> _logger = logger;
    private readonly double _z = ExposureVar.Z(riskOptions.Value.VarConfidence);
    private readonly BookRiskCalculator _book = new(riskOptions.Value.VarConfidence, riskOptions.Value.CvarConfidence, riskOptions.Value.LookbackDays);
    private bool _scheduled;
    private bool _positionsUnsaved;
    private bool _saveFailing;
    private PortfolioRisk? _figures;
    private DateTimeOffset _figuresAt;
    private Task<PortfolioRisk>? _computing;

    private RiskState State => store.State;

    /// <summary>How often the portfolio's figures are refreshed for the silo's gauges.</summary>
    public static readonly TimeSpan FiguresPeriod = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How old the marks behind <see cref="GetMetrics"/> may be: reads within it share one
    /// computation (every reported position and closed day is always in it; only quotes may be older).
    /// </summary>
    public static readonly TimeSpan MarksMaxAge = TimeSpan.FromMilliseconds(250);

    /// <summary>How long reported positions wait at most before they are stored, all in one write.</summary>
    public static readonly TimeSpan PositionsSavePeriod = TimeSpan.FromMilliseconds(250);

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        this.RegisterGrainTimer(_ => Compute(), new GrainTimerCreationOptions(FiguresPeriod, FiguresPeriod) { Interleave = false });
        this.RegisterGrainTimer(_ => SavePositions(), new GrainTimerCreationOptions(PositionsSavePeriod, PositionsSavePeriod) { Interleave = false });
        if (State.Returns.Count == 0 && State.LastDayClosed is null && _options.SeedFile is { } file)
        {
            State.Returns = DailyReturns.FromCloses(DailyReturns.ReadCloses(file), _options.LookbackDays);
            State.ReturnsSource = $"seeded from {Path.GetFileName(file)}";
            await Write(cancellationToken);
            LogSeeded(file, State.Returns.Count);
        }
    }

    public async Task Start()
    {
        if (_scheduled)
        {
            return;
        }

        var now = time.GetUtcNow();
        var next = NextEndOfDay(now);
        await this.RegisterOrUpdateReminder(EndOfDayReminder, next - now, TimeSpan.FromDays(1));
        _scheduled = true;
        LogScheduled(_options.EndOfDay, next);
    }

    // Positions are reports, not the record (each trader's own state is): they are applied at once
    // and stored together within PositionsSavePeriod, instead of one write of the whole portfolio per
    // fill. A report lost with a crashed silo is made good by the trader's next fill or activation.
    public async Task ReportPosition(PositionReport report)
    {
        State.Positions[report.Symbol] = report;
        _positionsUnsaved = true;
        _figures = null;
        await WatchLimits(CachedEquity());
    }

    // The book's VaR before and after the order, from the windows and positions this grain holds:
    // no calls while the windows are current (they are at most WindowsMaxAge old), so it is cheap
    // enough for every order. A symbol whose market data has no window answers by the catalog
    // fallback, and the reason says so.
    public async Task<RiskDecision> CheckOrder(RiskCheck check)
    {
        var now = time.GetUtcNow();
        if (KillSwitchDenial(check) is { } killed)
        {
            LogDenied(check.Symbol, killed);
            return new RiskDecision(false, killed, 0m, 0m, CachedEquity());
        }

        await RefreshWindows(State.Positions.Keys.Append(check.Symbol), now);
        var equity = CachedEquity();
        var others = State.Positions.Values.Where(p => p.Symbol != check.Symbol)
            .Select(p => new Exposure(p.Symbol, AccountMoney.Notional(p.Symbol, p.Quantity, p.MarkPrice))).ToList();
        Exposure[] afterBook = [.. others, new(check.Symbol, AccountMoney.Notional(check.Symbol, check.ProjectedQuantity, check.Price))];
        var varBefore = _book.VarOf([.. others, new(check.Symbol, AccountMoney.Notional(check.Symbol, check.CurrentQuantity, check.Price))]);
        var varAfter = _book.VarOf(afterBook);
        var budget = (decimal)_options.MaxVarFraction * equity;
        if (RiskBudget.Allows(check, varBefore, varAfter, budget))
        {
            return new RiskDecision(true, null, varBefore, varAfter, equity);
        }

        // Denied: the full figures, for the method and window the reason names.
        var after = _book.Of(afterBook, equity, now);
        var currency = _options.AccountCurrency;
        var reason = string.Create(CultureInfo.InvariantCulture,
            $"risk budget exceeded: portfolio 1-day VaR at {Percent(_options.VarConfidence)} ({BookRiskCalculator.Describe(after)}) would be {after.Var:N2} {currency} " +
            $"({Percent(equity > 0m ? (double)(after.Var / equity) : 1.0)} of equity {equity:N2} {currency}), above ARIA_RISK_MAX_VAR " +
            $"{Percent(_options.MaxVarFraction)} ({budget:N2} {currency}); it is {varBefore:N2} {currency} now");
        LogDenied(check.Symbol, reason);
        return new RiskDecision(false, reason, varBefore, after.Var, equity);
    }

    public Task<KellySizing> GetSizing(string symbol, decimal price) =>
        Task.FromResult(Sizing(symbol, price, CachedEquity(), ContinuousKelly(
            RiskMetrics.Kelly(CollectionsMarshal.AsSpan(State.Returns)), RiskMetrics.Kelly(CollectionsMarshal.AsSpan(_intraday)))));

    // Many readers (the facade, dashboards) ask far more often than the figures change: answer
    // from the last figures while they are current, and let readers arriving during a computation
    // (reads interleave) share it.
    public Task<PortfolioRisk> GetMetrics()
    {
        if (_figures is { } figures && time.GetUtcNow() - _figuresAt < MarksMaxAge)
        {
            return Task.FromResult(figures);
        }

        if (_computing is { } computing)
        {
            return computing;
        }

        var started = Compute();
        if (!started.IsCompleted)
        {
            _computing = started;
        }

        return started;
    }

    private async Task<PortfolioRisk> Compute()
    {
        try
        {
            var asOf = time.GetUtcNow();
            var figures = await ComputeFigures();
            _figures = figures;
            _figuresAt = asOf;
            return figures;
        }
        finally
        {
            _computing = null;
        }
    }

    private async Task<PortfolioRisk> ComputeFigures()
    {
        var asOf = time.GetUtcNow();
        var marks = await Marks();
        await RefreshWindows(marks.Keys, asOf);
        var report = RiskMetrics.Compute(CollectionsMarshal.AsSpan(State.Returns), Parameters);
        var pnl = marks.ToDictionary(m => m.Key, m => Pnl(m.Key, m.Value));
        var realized = pnl.Values.Sum(p => p.Realized);
        var unrealized = pnl.Values.Sum(p => p.Unrealized);
        var equity = _options.AccountCapital + realized + unrealized;
        Sample(equity, asOf);
        await WatchLimits(equity);
        var intraday = RiskMetrics.Compute(CollectionsMarshal.AsSpan(_intraday), Parameters with { PeriodsPerYear = MinutesPerYear });
        var continuousKelly = ContinuousKelly(report.Kelly ?? double.NaN, intraday.Kelly ?? double.NaN);
        var exposures = marks.Select(m => new SymbolExposure(
            m.Key, Quantity(m.Key), m.Value, Math.Round(AccountMoney.Notional(m.Key, Quantity(m.Key), m.Value), 2),
            pnl[m.Key].Realized, pnl[m.Key].Unrealized, Sizing(m.Key, m.Value, equity, continuousKelly))).ToList();
        var book = _book.Of([.. exposures.Select(e => new Exposure(e.Symbol, e.Notional))], equity, asOf);
        var risk = new PortfolioRisk(
            report, _options.VarConfidence, _options.CvarConfidence, report.Count, _options.AccountCurrency,
            _options.AccountCapital, equity, realized, unrealized, book.Var, book.Cvar,
            Math.Round(exposures.Sum(e => ExposureVar.Of(e.Symbol, e.Notional, _z)), 2), _options.MaxVarFraction,
            exposures, State.LastDayClosed, State.ReturnsSource, book, intraday, IntradayBasis, LossLimits.View(_options, State, equity));
        metrics.Risk(risk);
        return risk;
    }

    private static string Percent(double fraction) => (fraction * 100.0).ToString("0.##", CultureInfo.InvariantCulture) + "%";

    private RiskParameters Parameters => new(VarConfidence: _options.VarConfidence, CvarConfidence: _options.CvarConfidence);

    private async Task<Dictionary<string, decimal>> Marks()
    {
        var symbols = marketOptions.Value.Symbols.Union(State.Positions.Keys).ToList();
        var quotes = await Task.WhenAll(symbols.Select(s => GrainFactory.Of<IMarketDataGrain>(s).GetQuote()));
        return symbols.Zip(quotes).ToDictionary(
            p => p.First,
            p => State.Positions.TryGetValue(p.First, out var pos) && pos.Quantity != 0m
                ? (pos.Quantity > 0m ? p.Second.Bid : p.Second.Ask)
                : p.Second.Mid);
    }

    private decimal Quantity(string symbol) => State.Positions.GetValueOrDefault(symbol)?.Quantity ?? 0m;

    // Realized and unrealized PnL of a symbol in the account currency, marked at mark.
    private (decimal Realized, decimal Unrealized) Pnl(string symbol, decimal mark)
    {
        var position = State.Positions.GetValueOrDefault(symbol);
        var quantity = Quantity(symbol);
        var unrealized = quantity == 0m ? 0m : (mark - position!.AveragePrice) * quantity * TraderDefaults.ContractSize;
        return (Math.Round(AccountMoney.ToUsd(symbol, position?.RealizedPnl ?? 0m, mark), 2),
            Math.Round(AccountMoney.ToUsd(symbol, unrealized, mark), 2));
    }

    private KellySizing Sizing(string symbol, decimal price, decimal equity, (double Value, string Source) continuousKelly) =>
        KellySizer.Size(
            State.Positions.GetValueOrDefault(symbol)?.ClosedTrades ?? ClosedTrades.None,
            continuousKelly, _options.KellyMaxSize, equity, Math.Abs(AccountMoney.Notional(symbol, 1m, price)));

    // Equity from the positions as last reported (their fill or mark prices): no calls, so it is
    // cheap enough for every pre-trade check.
    private decimal CachedEquity() => _options.AccountCapital + State.Positions.Values.Sum(p =>
        AccountMoney.ToUsd(p.Symbol, p.RealizedPnl + (p.MarkPrice - p.AveragePrice) * p.Quantity * TraderDefaults.ContractSize, p.MarkPrice));
}
