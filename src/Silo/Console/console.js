// The AriaPro web console: logs in with an API key, reads the facade's API and follows /ws.
// Everything from the server reaches the DOM through textContent, never as markup.
(function () {
  'use strict';

  const TOKEN_KEY = 'ariapro.console.token';
  const REFRESH_MS = 5000;
  const BACKOFF_FIRST_MS = 1000;
  const BACKOFF_MAX_MS = 30000;
  const MAX_ALERT_ROWS = 100;
  const LIVE_TYPES = 'circuit_breaker,order_update,system_alert';

  const $ = (id) => document.querySelector('[data-testid="' + id + '"]');

  const state = {
    token: null,
    roles: [],
    socket: null,
    backoff: BACKOFF_FIRST_MS,
    reconnectTimer: null,
    refreshTimer: null,
    positionsPending: null,
    alerts: new Map(),
  };

  class ApiError extends Error {
    constructor(status, title, detail) {
      super(detail ? title + ': ' + detail : title);
      this.status = status;
    }
  }

  // --- session -------------------------------------------------------------------------------

  function claimsOf(token) {
    const parts = token.split('.');
    if (parts.length !== 3) {
      throw new Error('the server answered with a token that is not a JWT');
    }
    const base64 = parts[1].replace(/-/g, '+').replace(/_/g, '/');
    const padded = base64 + '='.repeat((4 - base64.length % 4) % 4);
    const bytes = Uint8Array.from(atob(padded), (c) => c.charCodeAt(0));
    return JSON.parse(new TextDecoder().decode(bytes));
  }

  function rolesOf(claims) {
    const role = claims.role;
    if (Array.isArray(role)) {
      return role.map(String);
    }
    return role === undefined || role === null ? [] : [String(role)];
  }

  function isAdmin() {
    return state.roles.includes('admin');
  }

  function startSession(token) {
    const claims = claimsOf(token);
    if (typeof claims.exp === 'number' && claims.exp * 1000 <= Date.now()) {
      sessionStorage.removeItem(TOKEN_KEY);
      showLogin('Your session has expired: log in again.');
      return;
    }
    state.token = token;
    state.roles = rolesOf(claims);
    sessionStorage.setItem(TOKEN_KEY, token);
    document.body.classList.toggle('is-admin', isAdmin());
    $('whoami').textContent = (claims.name || claims.sub || 'unknown key') + ' (' + (state.roles.join(', ') || 'no role') + ')';
    $('logout').hidden = false;
    $('login').hidden = true;
    $('dashboard').hidden = false;
    hideBanner();
    loadAll();
    connect();
    state.refreshTimer = setInterval(refreshPeriodic, REFRESH_MS);
  }

  function endSession() {
    state.token = null;
    state.roles = [];
    sessionStorage.removeItem(TOKEN_KEY);
    clearInterval(state.refreshTimer);
    clearTimeout(state.reconnectTimer);
    clearTimeout(state.positionsPending);
    state.refreshTimer = null;
    state.reconnectTimer = null;
    state.positionsPending = null;
    if (state.socket) {
      const socket = state.socket;
      state.socket = null;
      socket.close(1000, 'logged out');
    }
    state.alerts.clear();
    for (const id of ['symbols', 'positions', 'risk', 'models', 'alerts', 'whoami']) {
      $(id).replaceChildren();
    }
    document.body.classList.remove('is-admin');
    setConnection('offline', 'offline');
  }

  function showLogin(message) {
    endSession();
    $('logout').hidden = true;
    $('dashboard').hidden = true;
    $('login').hidden = false;
    if (message) {
      showBanner(message);
    }
    $('api-key').focus();
  }

  async function login(event) {
    event.preventDefault();
    const input = $('api-key');
    const button = $('login-submit');
    button.disabled = true;
    try {
      const response = await send('/auth/token', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
        body: JSON.stringify({ apiKey: input.value.trim() }),
      });
      if (!response.ok) {
        throw await errorOf(response);
      }
      const body = await response.json();
      input.value = '';
      startSession(body.token);
    } catch (error) {
      showError(error);
    } finally {
      button.disabled = false;
    }
  }

  // --- API -----------------------------------------------------------------------------------

  async function errorOf(response) {
    let title = response.status + ' ' + response.statusText;
    let detail = '';
    const type = response.headers.get('Content-Type') || '';
    if (type.includes('json')) {
      const problem = await response.json();
      title = problem.title || title;
      detail = problem.detail || '';
      if (problem.errors) {
        detail = [detail].concat(Object.entries(problem.errors).map(([field, messages]) => field + ': ' + [].concat(messages).join(' '))).filter(Boolean).join('; ');
      }
    } else {
      detail = (await response.text()).slice(0, 300);
    }
    return new ApiError(response.status, title, detail);
  }

  // A request that got no answer at all (silo down, proxy gone) says so instead of "Failed to fetch".
  async function send(path, init) {
    try {
      return await fetch(path, init);
    } catch (error) {
      throw new ApiError(0, 'The silo did not answer', init.method + ' ' + path + ': ' + error.message);
    }
  }

  async function api(method, path, body) {
    if (!state.token) {
      throw new ApiError(401, 'Not logged in', 'log in with an API key');
    }
    const init = { method, headers: { Authorization: 'Bearer ' + state.token, Accept: 'application/json' } };
    if (body !== undefined) {
      init.headers['Content-Type'] = 'application/json';
      init.body = JSON.stringify(body);
    }
    const response = await send(path, init);
    if (!response.ok) {
      throw await errorOf(response);
    }
    return response.status === 204 ? null : response.json();
  }

  function showError(error) {
    if (error instanceof ApiError && error.status === 401 && state.token) {
      showLogin('Logged out: ' + error.message);
      return;
    }
    showBanner(error instanceof Error ? error.message : String(error));
  }

  function showBanner(message) {
    $('banner-text').textContent = message;
    $('banner').hidden = false;
  }

  function hideBanner() {
    $('banner').hidden = true;
    $('banner-text').textContent = '';
  }

  // Runs a load or an action; its failure becomes the banner, so nothing fails silently.
  function run(task) {
    return task().catch(showError);
  }

  // --- formatting ----------------------------------------------------------------------------

  function num(value, digits) {
    if (value === null || value === undefined) {
      return '—';
    }
    return Number(value).toLocaleString(undefined, { minimumFractionDigits: digits, maximumFractionDigits: digits });
  }

  function percent(value) {
    return value === null || value === undefined ? '—' : (Number(value) * 100).toFixed(2) + ' %';
  }

  function time(value) {
    return value ? new Date(value).toLocaleString() : '—';
  }

  function cell(text, testId, className) {
    const td = document.createElement('td');
    td.textContent = text;
    if (testId) {
      td.dataset.testid = testId;
    }
    if (className) {
      td.className = className;
    }
    return td;
  }

  function stateCell(value, testId) {
    return cell(value, testId, 'state state-' + value);
  }

  function button(label, testId, action) {
    const element = document.createElement('button');
    element.type = 'button';
    element.textContent = label;
    element.dataset.testid = testId;
    element.addEventListener('click', () => {
      element.disabled = true;
      run(action).finally(() => { element.disabled = false; });
    });
    return element;
  }

  function emptyRow(tbody, columns, text) {
    const tr = document.createElement('tr');
    const td = cell(text, null, 'empty');
    td.colSpan = columns;
    tr.append(td);
    tbody.replaceChildren(tr);
  }

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

  function sign(value) {
    return Number(value) < 0 ? 'negative' : Number(value) > 0 ? 'positive' : '';
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

  async function loadRisk() {
    const risk = await api('GET', '/trading/risk/metrics');
    const m = risk.metrics;
    const currency = ' ' + risk.accountCurrency;
    const figures = [
      ['equity', 'Equity', num(risk.equity, 2) + currency],
      ['capital', 'Capital', num(risk.capital, 2) + currency],
      ['realized', 'Realised PnL', num(risk.realizedPnl, 2) + currency],
      ['unrealized', 'Unrealised PnL', num(risk.unrealizedPnl, 2) + currency],
      ['var', 'VaR ' + percent(risk.varConfidence), percent(m.var) + (risk.varAmount !== undefined && risk.varAmount !== null ? ' (' + num(risk.varAmount, 2) + currency + ')' : '')],
      ['cvar', 'CVaR ' + percent(risk.cvarConfidence), percent(m.cvar) + (risk.cvarAmount !== undefined && risk.cvarAmount !== null ? ' (' + num(risk.cvarAmount, 2) + currency + ')' : '')],
      ['sharpe', 'Sharpe', num(m.sharpe, 2)],
      ['sortino', 'Sortino', num(m.sortino, 2)],
      ['drawdown', 'Max drawdown', percent(m.maxDrawdown)],
      ['exposure', 'Exposure VaR', num(risk.exposureVar, 2) + currency + ' of ' + percent(risk.exposureVarBudget) + ' budget'],
      ['returns', 'Returns', risk.returns + ' (' + risk.returnsSource + ')'],
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

  // --- live ----------------------------------------------------------------------------------

  function setConnection(stateName, text) {
    const indicator = $('connection');
    indicator.dataset.state = stateName;
    indicator.textContent = text;
  }

  function connect() {
    if (!state.token) {
      return;
    }
    const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
    const url = scheme + '//' + location.host + '/ws?types=' + LIVE_TYPES + '&access_token=' + encodeURIComponent(state.token);
    setConnection('connecting', 'connecting…');
    const socket = new WebSocket(url);
    state.socket = socket;
    let welcomed = false;
    socket.addEventListener('message', (message) => {
      if (state.socket !== socket) {
        return;
      }
      let envelope;
      try {
        envelope = JSON.parse(message.data);
      } catch (error) {
        showBanner('The live stream sent something that is not JSON: ' + error.message);
        return;
      }
      if (envelope.type === 'welcome') {
        // After a reconnect, read what changed while the stream was down.
        if (state.backoff !== BACKOFF_FIRST_MS) {
          loadAll();
        }
        welcomed = true;
        state.backoff = BACKOFF_FIRST_MS;
        setConnection('live', 'live · ' + envelope.data.silo);
      } else if (envelope.type === 'circuit_breaker') {
        onBreakerEvent(envelope.data);
      } else if (envelope.type === 'order_update') {
        onOrderUpdate(envelope.data);
      } else if (envelope.type === 'system_alert') {
        putAlert(envelope.data);
      } else if (envelope.type === 'error') {
        showBanner('Live stream: ' + (envelope.data.message || JSON.stringify(envelope.data)));
      }
    });
    socket.addEventListener('close', (event) => {
      if (state.socket !== socket) {
        return;
      }
      state.socket = null;
      const delay = state.backoff;
      state.backoff = Math.min(state.backoff * 2, BACKOFF_MAX_MS);
      const why = event.reason ? ': ' + event.reason : welcomed ? '' : ' (could not connect)';
      setConnection('offline', 'offline' + why + ' · retrying in ' + Math.round(delay / 1000) + ' s');
      state.reconnectTimer = setTimeout(reconnect, delay);
    });
  }

  // The socket cannot tell a refused token from a network failure: one API read tells, and a
  // 401 there ends the session instead of retrying forever.
  function reconnect() {
    state.reconnectTimer = null;
    if (!state.token) {
      return;
    }
    api('GET', '/monitoring/alerts')
      .then(() => connect())
      .catch((error) => {
        showError(error);
        if (state.token) {
          connect();
        }
      });
  }

  // --- loading -------------------------------------------------------------------------------

  function loadAll() {
    return Promise.all([run(loadSymbols), run(loadPositions), run(loadRisk), run(loadModels), run(loadAlerts)]);
  }

  // Marks move PnL and risk without any order: these are read on a timer as well.
  function refreshPeriodic() {
    if (document.hidden) {
      return;
    }
    run(loadPositions);
    run(loadRisk);
    run(loadModels);
  }

  function start() {
    $('login-form').addEventListener('submit', login);
    $('logout').addEventListener('click', () => showLogin(null));
    $('banner-close').addEventListener('click', hideBanner);
    const saved = sessionStorage.getItem(TOKEN_KEY);
    if (saved) {
      try {
        startSession(saved);
      } catch (error) {
        showLogin('The saved session could not be read: ' + error.message);
      }
    } else {
      showLogin(null);
    }
  }

  start();
}());
