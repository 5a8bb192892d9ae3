// The AriaPro web console: logs in with an API key, reads the facade's API and follows /ws.
// The panels are in console-panels.js, the API and the DOM helpers in console-core.js.
(function () {
  'use strict';

  const A = window.AriaConsole;
  const {
    TOKEN_KEY, REFRESH_MS, BACKOFF_FIRST_MS, BACKOFF_MAX_MS, LIVE_TYPES, $, state, isAdmin, errorOf, send, api,
    showError, showBanner, hideBanner, run, loadSymbols, loadPositions, loadRisk, loadModels, loadAlerts,
    onBreakerEvent, onOrderUpdate, putAlert,
  } = A;

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
        // The cookie too (HttpOnly, SameSite=Strict): it is what lets an admin open /dashboard/ from here.
        body: JSON.stringify({ apiKey: input.value.trim(), cookie: true }),
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

  // Forgets the login cookie as well as the tab's token; the page logs out even if the silo does not answer.
  async function logout() {
    try {
      await send('/auth/logout', { method: 'POST' });
    } catch (error) {
      // The cookie ends with the token anyway.
    }
    showLogin(null);
  }

  A.showLogin = showLogin;

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
    $('logout').addEventListener('click', logout);
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
