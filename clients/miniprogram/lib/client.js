'use strict';

const { HTTPError, LoginError } = require('./errors');
const { isSuccess, problemDetails } = require('./response');
const { retryPolicy } = require('./retry-policy');
const { createSender } = require('./sender');
const { createSessionStore } = require('./session-store');
const { createSessionManager, isFinalRevocation } = require('./session-manager');
const { createWxAdapter } = require('./wx-adapter');
const { appLanguage, languageTag } = require('./language');

/**
 * 401 codes that mean "this token is no good any more": renew and retry once.
 * TOKEN_INVALID also stands for a resource server's `Bearer error="invalid_token"`.
 */
const RENEWABLE_CODES = ['TOKEN_EXPIRED', 'TOKEN_INVALID', 'TOKEN_REVOKED'];

/** The methods wx.request documents; the client sends no other (there is no PATCH). */
const WX_REQUEST_METHODS = ['OPTIONS', 'GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'TRACE', 'CONNECT'];

const defaultSleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Creates the MiniAuth client. The core only needs a `request(opts) → Promise`
 * transport, a `getLoginCode() → Promise<code>` and a get/set/remove storage; by
 * default all three come from `wx` through the wx adapter.
 */
function createAuthClient(options) {
  const o = options || {};
  if (!o.baseURL) throw new TypeError('baseURL cannot be empty');
  const language = languageTag(o.language || appLanguage(o.wx || globalWx()));
  const wxAdapter = needsWx(o) ? createWxAdapter(o.wx || globalWx(), language) : null;
  const now = o.now || Date.now;
  const sleep = o.sleep || defaultSleep;
  const checkWxSession = o.checkSession || (wxAdapter && wxAdapter.checkSession);

  const send = createSender({
    request: o.request || wxAdapter.request,
    baseURL: o.baseURL,
    timeout: o.timeout || 10000,
    policy: retryPolicy(o.retry),
    sleep,
    now,
    language,
  });
  const sessions = createSessionManager({
    store: createSessionStore(o.storage || wxAdapter.storage, o.storageKey),
    send,
    getLoginCode: o.getLoginCode || wxAdapter.getLoginCode,
    appid: o.appid,
    now,
    refreshAheadMs: (o.refreshAhead === undefined ? 60 : o.refreshAhead) * 1000,
    ui: o.ui,
    onLoginStateChange: o.onLoginStateChange,
    language,
  });

  function withToken(opts, token) {
    if (typeof token !== 'string' || token === '') {
      throw new LoginError('No token to send: log in first', { code: 'NOT_LOGGED_IN' });
    }
    const header = Object.assign({}, opts.header, { Authorization: 'Bearer ' + token });
    return Object.assign({}, opts, { header });
  }

  function expectSuccess(response, method, url) {
    if (isSuccess(response)) return response;
    const details = problemDetails(response, now());
    throw new HTTPError(method + ' ' + url + ' answered ' + response.statusCode + ' ' + details.code, details);
  }

  /**
   * Sends an authenticated request. Resolves with { statusCode, data, header } for a
   * 2xx answer and rejects with a MiniAuthError otherwise.
   */
  async function request(opts) {
    const method = (opts.method || 'GET').toUpperCase();
    if (WX_REQUEST_METHODS.indexOf(method) === -1) {
      throw new TypeError(method + ' is not a wx.request method: use one of ' + WX_REQUEST_METHODS.join(', '));
    }
    const outgoing = Object.assign({}, opts, { method });
    if (opts.skipAuth) return expectSuccess(await send(outgoing), method, opts.url);
    const session = await sessions.validSession();
    let response = await send(withToken(outgoing, session.token));
    let refusal = refusalOf(response);
    if (refusal && RENEWABLE_CODES.indexOf(refusal.code) !== -1 && !isFinalRevocation(refusal)) {
      const renewed = await sessions.renewAfterRefusal(session.token, refusal.code);
      response = await send(withToken(outgoing, renewed.token));
      refusal = refusalOf(response);
    }
    if (refusal && isFinalRevocation(refusal)) sessions.clear(refusal.reason);
    return expectSuccess(response, method, opts.url);
  }

  function refusalOf(response) {
    return response.statusCode === 401 ? problemDetails(response, now()) : null;
  }

  /**
   * A fresh wx.login and /user/login. `options.phoneCode`, the code of the getPhoneNumber
   * button (e.detail.code), binds the user's phone number in the same call.
   */
  async function login(options) {
    const session = await sessions.forceLogin(phoneCodeOf(options));
    return { user: session.user, isNewUser: session.isNewUser === true };
  }

  async function ensureLogin() {
    const session = await sessions.validSession();
    return { user: session.user };
  }

  /** Ends the session on the server, then forgets it here whatever the server said. */
  async function logout() {
    const session = sessions.current();
    try {
      if (!session) return;
      const response = await send(withToken({ url: '/user/logout', method: 'POST' }, session.token));
      if (response.statusCode !== 401) expectSuccess(response, 'POST', '/user/logout');
    } finally {
      sessions.clear();
    }
  }

  function checkSession() {
    if (!checkWxSession) return Promise.resolve(false);
    return checkWxSession();
  }

  return {
    request,
    get: (url, opts) => request(Object.assign({}, opts, { url, method: 'GET' })),
    post: (url, data, opts) => request(Object.assign({}, opts, { url, data, method: 'POST' })),
    put: (url, data, opts) => request(Object.assign({}, opts, { url, data, method: 'PUT' })),
    login,
    logout,
    ensureLogin,
    checkSession,
    isLoggedIn: sessions.isLoggedIn,
    getUser: () => {
      const session = sessions.current();
      return session ? session.user : null;
    },
  };
}

/**
 * The phone code of login(options), or undefined for a login without one. A phone code
 * that is not a non-empty string is refused before anything is sent: without this, the
 * undefined e.detail.code of a user who declined the button would log in without a phone.
 */
function phoneCodeOf(options) {
  if (options === undefined || options === null || !('phoneCode' in options)) return undefined;
  const phoneCode = options.phoneCode;
  if (typeof phoneCode !== 'string' || phoneCode.trim() === '') {
    throw new TypeError('phoneCode must be the code of the getPhoneNumber button (e.detail.code), got '
      + (phoneCode === '' ? 'an empty string' : String(phoneCode)));
  }
  return phoneCode;
}

function needsWx(o) {
  return !(o.request && o.getLoginCode && o.storage);
}

function globalWx() {
  return typeof wx === 'undefined' ? undefined : wx;
}

module.exports = { createAuthClient };
