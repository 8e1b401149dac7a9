'use strict';

const { afterEach } = require('node:test');

/**
 * Requests the fake server could not answer because its handler threw: a route the
 * test did not define (often a mistyped path) or a slip in a handler. Such a request
 * still fails, so the code under test does not hang, but as a network failure it could
 * pass for the one a test expects; so every test that made one fails afterwards.
 */
const unanswered = [];

afterEach(() => {
  if (unanswered.length === 0) return;
  const found = unanswered.splice(0);
  throw new Error('The fake server could not answer ' + found.length + ' request(s):\n'
    + found.map((u) => '  ' + u.method + ' ' + u.path + ': ' + u.error.message).join('\n'));
});

/**
 * A fake `wx` for unit tests: request() answers through `handle(req)` one macrotask
 * later, login() hands out numbered codes, storage is a Map, and every call is
 * recorded so tests can count them. A network failure is an answer with an `errMsg`
 * (`answer.networkFailure()`); a handler that throws fails the test.
 */
function createFakeWx(handle, options) {
  const o = options || {};
  const storage = new Map();
  const requests = [];
  let logins = 0;

  const wx = {
    requests,
    storage,
    get loginCalls() {
      return logins;
    },
    count(method, path) {
      return requests.filter((r) => r.method === method && r.path === path).length;
    },
    request(opts) {
      const path = new URL(opts.url).pathname;
      const req = { path, method: opts.method, data: opts.data, header: opts.header || {}, timeout: opts.timeout };
      requests.push(req);
      setImmediate(async () => {
        try {
          const res = await handle(req);
          if (res && res.errMsg) opts.fail(res);
          else opts.success({ statusCode: res.statusCode, data: res.data, header: res.header || {} });
        } catch (error) {
          unanswered.push({ method: req.method, path: req.path, error });
          opts.fail({ errMsg: 'request:fail the fake server threw: ' + error.message });
        }
      });
    },
    login(opts) {
      logins++;
      const n = logins;
      setImmediate(() => (o.loginFails ? opts.fail({ errMsg: 'login:fail' }) : opts.success({ code: 'code-' + n })));
    },
    checkSession(opts) {
      setImmediate(() => (o.sessionValid === false ? opts.fail({ errMsg: 'checkSession:fail' }) : opts.success({})));
    },
    getStorageSync: (key) => (storage.has(key) ? structuredClone(storage.get(key)) : ''),
    setStorageSync: (key, value) => storage.set(key, structuredClone(value)),
    removeStorageSync: (key) => storage.delete(key),
  };
  return wx;
}

/**
 * A handler answering from `{ 'METHOD /path': (req) => answer }`. A request no route
 * matches throws, which fails the test (see `unanswered`).
 */
function router(routes) {
  return (req) => {
    const route = routes[req.method + ' ' + req.path];
    if (!route) throw new Error('no route for ' + req.method + ' ' + req.path);
    return route(req);
  };
}

/** JSON answers, problem+json errors and a network failure, in the shapes wx.request gives. */
const answer = {
  ok: (data, header) => ({ statusCode: 200, data, header: header || {} }),
  noContent: () => ({ statusCode: 204, data: '', header: {} }),
  problem: (statusCode, code, header) => ({
    statusCode,
    data: { type: 'about:blank', title: code, status: statusCode, detail: 'because ' + code, code, msg: 'because ' + code },
    header: Object.assign({ 'Content-Type': 'application/problem+json' }, header),
  }),
  networkFailure: () => ({ errMsg: 'request:fail connection refused' }),
  timeout: () => ({ errMsg: 'request:fail timeout' }),
};

/** A /user/login or /user/token/refresh answer for token `token`. */
function sessionAnswer(token, extra) {
  return Object.assign(
    {
      msg: 'ok',
      token,
      tokenType: 'Bearer',
      expiresIn: 7200,
      user: { id: 1, nickName: 'Ada' },
      refreshToken: 'refresh-' + token,
      refreshExpiresIn: 2592000,
    },
    extra,
  );
}

/** The base URL and the fixed clock of the clients that fakeClient builds. */
const FAKE_BASE = 'https://api.example.test';
const FAKE_NOW = Date.UTC(2025, 0, 1);

/**
 * A client over the fake `wx`, at FAKE_NOW and without waiting between retries.
 * @param {object} wx the fake wx
 * @param {object} [extra] more options
 */
function fakeClient(wx, extra) {
  const { createAuthClient } = require('..');
  return createAuthClient(Object.assign({ baseURL: FAKE_BASE, wx, now: () => FAKE_NOW, sleep: async () => {} }, extra));
}

module.exports = { createFakeWx, router, answer, sessionAnswer, fakeClient, FAKE_BASE, FAKE_NOW };
