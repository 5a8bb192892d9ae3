// The AriaPro web console, second part: the panels (symbols, positions, risk, models, alerts),
// each read from the API and kept current by the live events. Uses console-core.js.
(function () {
  'use strict';

  const A = window.AriaConsole;
  const { MAX_ALERT_ROWS, $, state, isAdmin, api, showBanner, run, num, percent, time, cell, stateCell, button, emptyRow, sign } = A;

  // --- symbols -------------------------------------------------------------------------------

  // One shape for a trader from /monitoring/system/status and from /trading/symbols/{s}.
  function fromStatus(t) {
    return {
      symbol: t.symbol, breaker: t.breaker, failures: t.consecutiveFailures, opensUntil: t.opensUntil,
      tradingState: t.tradingState, reason: null, position: t.position, limit: t.positionLimit, working: t.workingOrders,
    };
  }

  function fromSymbolView(v) {
    return {
      symbol: v.symbol, breaker: v.circuitBreaker.state, failures: v.circuitBreaker.consecutiveFailures, opensUntil: v.circuitBreaker.opensUntil,
      tradingState: v.tradingState, reason: v.tradingStateReason || null, position: v.position, limit: v.positionLimit, working: v.workingOrders,
    };
  }

  function symbolRow(s) {
    const tr = document.createElement('tr');
    tr.dataset.testid = 'symbol-' + s.symbol;
    tr.dataset.symbol = s.symbol;
    const breaker = stateCell(s.breaker, 'breaker-' + s.symbol);
    if (s.opensUntil && s.breaker === 'Open') {
      breaker.title = 'open until ' + time(s.opensUntil);
    }
    const trading = stateCell(s.tradingState, 'trading-' + s.symbol);
    if (s.reason) {
      trading.title = s.reason;
    }
    tr.append(
      cell(s.symbol, null, 'key'),
      breaker,
      cell(String(s.failures), 'failures-' + s.symbol),
      trading,
      cell(num(s.position, 2) + ' / ' + num(s.limit, 2)),
      cell(String(s.working)));
    if (isAdmin()) {
      const controls = document.createElement('td');
      controls.className = 'controls admin-only';
      const path = '/trading/symbols/' + encodeURIComponent(s.symbol) + '/circuit-breaker/';
      controls.append(
        button('Halt', 'halt-' + s.symbol, () => api('POST', path + 'halt', { reason: 'halted from the web console' }).then(updateSymbol)),
        button('Resume', 'resume-' + s.symbol, () => api('POST', path + 'resume').then(updateSymbol)),
        button('Reset', 'reset-' + s.symbol, () => api('POST', path + 'reset').then(updateSymbol)));
      tr.append(controls);
    }
    return tr;
  }

  function putSymbol(s) {
    const tbody = $('symbols');
    const row = symbolRow(s);
    const existing = tbody.querySelector('tr[data-symbol="' + CSS.escape(s.symbol) + '"]');
    if (existing) {
      existing.replaceWith(row);
    } else {
      tbody.querySelector('td.empty')?.parentElement.remove();
      tbody.append(row);
    }
  }

  function updateSymbol(view) {
    putSymbol(fromSymbolView(view));
  }

  async function loadSymbols() {
    const status = await api('GET', '/monitoring/system/status');
    if (status.errors && status.errors.length > 0) {
      showBanner('System status is partial: ' + status.errors.join('; '));
    }
    const tbody = $('symbols');
    tbody.replaceChildren();
    if (status.traders.length === 0) {
      emptyRow(tbody, 7, 'No symbols');
    }
    for (const trader of status.traders) {
      putSymbol(fromStatus(trader));
    }
  }

  function refreshSymbol(symbol) {
    return run(() => api('GET', '/trading/symbols/' + encodeURIComponent(symbol)).then(updateSymbol));
  }

  // The event names the new state: shown at once, then the full view (failures, until) is read.
  function onBreakerEvent(event) {
    if (event.source === 'model') {
      run(loadModels);
      return;
    }
    const tbody = $('symbols');
    const row = tbody.querySelector('tr[data-symbol="' + CSS.escape(event.name) + '"]');
    const breaker = row && row.querySelector('[data-testid="breaker-' + CSS.escape(event.name) + '"]');
    if (breaker) {
      breaker.textContent = event.to;
      breaker.className = 'state state-' + event.to;
      breaker.title = event.reason || '';
    }
    refreshSymbol(event.name);
  }

  // --- positions -----------------------------------------------------------------------------

  async function loadPositions() {
    const positions = await api('GET', '/trading/positions');
    const tbody = $('positions');
    if (positions.length === 0) {
      emptyRow(tbody, 7, 'No positions');
      return;
    }
    tbody.replaceChildren(...positions.map((p) => {
      const tr = document.createElement('tr');
      tr.dataset.testid = 'position-' + p.symbol;
      tr.append(
        cell(p.symbol, null, 'key'),
        cell(num(p.quantity, 2), 'quantity-' + p.symbol),
        cell(num(p.averagePrice, 5)),
        cell(num(p.markPrice, 5)),
        cell(num(p.realizedPnl, 2) + ' ' + p.pnlCurrency, null, sign(p.realizedPnl)),
        cell(num(p.unrealizedPnl, 2) + ' ' + p.pnlCurrency, null, sign(p.unrealizedPnl)),
        cell(String(p.workingOrders)));
      return tr;
    }));
  }

  // Order updates come in bursts: one read of the positions per burst.
  function onOrderUpdate(order) {
    if (state.positionsPending === null) {
      state.positionsPending = setTimeout(() => {
        state.positionsPending = null;
        run(loadPositions);
      }, 250);
    }
    if (order.symbol) {
      refreshSymbol(order.symbol);
    }
  }

  // --- risk ----------------------------------------------------------------------------------

  function bookMethod(book) {
    if (book.fallback) {
      return book.method + ' (' + book.fallback + ')';
    }
    return book.windowEnd ? book.method + ', ' + book.scenarios + ' days to ' + book.windowEnd : book.method;
  }

  async function loadRisk() {
    const risk = await api('GET', '/trading/risk/metrics');
    const m = risk.metrics;
    const currency = ' ' + risk.accountCurrency;
    const figures = [
      ['equity', 'Equity', num(risk.equity, 2) + currency],
      ['capital', 'Capital', num(risk.capital, 2) + currency],
      ['realized', 'Realised PnL', num(risk.realizedPnl, 2) + currency],
      ['unrealized', 'Unrealised PnL', num(risk.unrealizedPnl, 2) + currency],
      ['method', 'Method', bookMethod(risk.book)],
      ['var', 'VaR ' + percent(risk.varConfidence), num(risk.varAmount, 2) + currency + ' (' + percent(risk.book.varOfEquity) + ' of equity, budget ' + percent(risk.exposureVarBudget) + ')'],
      ['cvar', 'CVaR ' + percent(risk.cvarConfidence), num(risk.cvarAmount, 2) + currency + ' (' + percent(risk.book.cvarOfEquity) + ')'],
      ['sharpe', 'Sharpe daily / intraday', num(m.sharpe, 2) + ' / ' + num(risk.intraday.sharpe, 2)],
      ['sortino', 'Sortino daily / intraday', num(m.sortino, 2) + ' / ' + num(risk.intraday.sortino, 2)],
      ['drawdown', 'Max drawdown daily / intraday', percent(m.maxDrawdown) + ' / ' + percent(risk.intraday.maxDrawdown)],
      ['exposure', 'Catalog VaR (correlation 1)', num(risk.exposureVar, 2) + currency],
      ['returns', 'Daily equity returns', risk.returns + ' (' + risk.returnsSource + ')'],
      ['intraday', 'Intraday samples', risk.intraday.count + ' (' + risk.intradayBasis + ')'],
    ];
    $('risk').replaceChildren(...figures.flatMap(([id, label, value]) => {
      const dt = document.createElement('dt');
      dt.textContent = label;
      const dd = document.createElement('dd');
      dd.textContent = value;
      dd.dataset.testid = 'risk-' + id;
      return [dt, dd];
    }));
  }

  // --- models --------------------------------------------------------------------------------

  async function loadModels() {
    const view = await api('GET', '/ai/models');
    const tbody = $('models');
    if (view.models.length === 0) {
      emptyRow(tbody, 8, 'No models');
      return;
    }
    tbody.replaceChildren(...view.models.map((m) => {
      const tr = document.createElement('tr');
      tr.dataset.testid = 'model-' + m.id;
      tr.append(
        cell(m.id + ' ' + m.version, null, 'key'),
        cell(m.kind),
        stateCell(m.state, 'model-state-' + m.id),
        cell(percent(m.successRate)),
        cell(num(m.latencyP50Ms, 1)),
        cell(num(m.latencyP95Ms, 1)),
        cell(String(m.inferences)),
        cell(m.notReady || m.reason || ''));
      return tr;
    }));
  }

  // --- alerts --------------------------------------------------------------------------------

  function alertRow(a) {
    const tr = document.createElement('tr');
    tr.dataset.testid = 'alert-' + a.id;
    tr.append(
      stateCell(a.severity),
      stateCell(a.state, 'alert-state-' + a.id),
      cell(a.summary),
      cell(time(a.firedAt)),
      cell(a.acknowledgedAt ? (a.acknowledgedBy || '') + ' ' + time(a.acknowledgedAt) : 'no', 'alert-ack-' + a.id));
    if (isAdmin()) {
      const controls = document.createElement('td');
      controls.className = 'controls admin-only';
      if (!a.acknowledgedAt && a.state === 'Firing') {
        controls.append(button('Ack', 'ack-' + a.id, () => api('POST', '/monitoring/alerts/' + encodeURIComponent(a.id) + '/ack').then(putAlert)));
      }
      tr.append(controls);
    }
    return tr;
  }

  // Newest first: an alert seen again moves to the top.
  function putAlert(a) {
    state.alerts.delete(a.id);
    state.alerts.set(a.id, a);
    while (state.alerts.size > MAX_ALERT_ROWS) {
      state.alerts.delete(state.alerts.keys().next().value);
    }
    renderAlerts();
  }

  function renderAlerts() {
    const tbody = $('alerts');
    const alerts = Array.from(state.alerts.values()).reverse();
    if (alerts.length === 0) {
      emptyRow(tbody, 6, 'No alerts');
      return;
    }
    tbody.replaceChildren(...alerts.map(alertRow));
  }

  async function loadAlerts() {
    const view = await api('GET', '/monitoring/alerts');
    state.alerts.clear();
    const all = view.recent.concat(view.active);
    all.sort((x, y) => Date.parse(x.firedAt) - Date.parse(y.firedAt));
    for (const a of all) {
      state.alerts.set(a.id, a);
    }
    renderAlerts();
  }

  Object.assign(A, { loadSymbols, loadPositions, loadRisk, loadModels, loadAlerts, onBreakerEvent, onOrderUpdate, putAlert });
}());
