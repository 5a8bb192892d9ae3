// The AriaPro web console, first part: the shared session state, the API and the DOM helpers,
// on window.AriaConsole for console-panels.js and console.js (loaded after it, in order).
// Everything from the server reaches the DOM through textContent, never as markup.
(function () {
  'use strict';

  const A = window.AriaConsole = {};

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

  function isAdmin() {
    return state.roles.includes('admin');
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
      A.showLogin('Logged out: ' + error.message);
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

  function sign(value) {
    return Number(value) < 0 ? 'negative' : Number(value) > 0 ? 'positive' : '';
  }

  Object.assign(A, {
    TOKEN_KEY, REFRESH_MS, BACKOFF_FIRST_MS, BACKOFF_MAX_MS, MAX_ALERT_ROWS, LIVE_TYPES,
    $, state, ApiError, isAdmin, errorOf, send, api, showError, showBanner, hideBanner, run,
    num, percent, time, cell, stateCell, button, emptyRow, sign,
  });
}());
