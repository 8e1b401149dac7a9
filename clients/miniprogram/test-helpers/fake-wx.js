'use strict';

/**
 * A fake `wx` for unit tests: request() answers through `handle(req)` one macrotask
 * later, login() hands out numbered codes, storage is a Map, and every call is
 * recorded so tests can count them.
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
        } catch (e) {
          opts.fail({ errMsg: 'request:fail ' + e.message });
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

module.exports = { createFakeWx, answer, sessionAnswer };
