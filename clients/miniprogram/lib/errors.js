'use strict';

/**
 * One class per failure kind, all under MiniAuthError, so callers can branch with
 * instanceof and still read the server's stable `code` and readable `msg`.
 */
class MiniAuthError extends Error {
  constructor(message, details) {
    super(message);
    Object.setPrototypeOf(this, new.target.prototype);
    const d = details || {};
    this.name = 'MiniAuthError';
    this.code = d.code || 'MINIAUTH_ERROR';
    this.msg = d.msg || message;
    this.statusCode = d.statusCode;
    if (d.retryAfter !== undefined) this.retryAfter = d.retryAfter;
    if (d.reason !== undefined) this.reason = d.reason;
    if (d.until !== undefined) this.until = d.until;
    if (d.response !== undefined) this.response = d.response;
    if (d.cause !== undefined) this.cause = d.cause;
  }
}

/** The server answered a request with a status outside 2xx. */
class HTTPError extends MiniAuthError {
  constructor(message, details) {
    super(message, details);
    this.name = 'HTTPError';
  }
}

/** The request never got an answer: no network, DNS, TLS, connection reset. */
class NetworkError extends MiniAuthError {
  constructor(message, details) {
    super(message, Object.assign({ code: 'NETWORK_ERROR' }, details));
    this.name = 'NetworkError';
  }
}

/** The request got no answer within its timeout. */
class TimeoutError extends MiniAuthError {
  constructor(message, details) {
    super(message, Object.assign({ code: 'TIMEOUT' }, details));
    this.name = 'TimeoutError';
  }
}

/**
 * Logging in failed: wx.login gave no code, /user/login refused it, or the call never
 * got through (then `cause` holds the NetworkError or TimeoutError).
 */
class LoginError extends MiniAuthError {
  constructor(message, details) {
    super(message, details);
    this.name = 'LoginError';
  }
}

/**
 * Refreshing the session failed. A refusal (statusCode 401) is handled inside the
 * client by logging in again; callers only see this error for other failures.
 */
class RefreshError extends MiniAuthError {
  constructor(message, details) {
    super(message, details);
    this.name = 'RefreshError';
  }

  get refused() {
    return this.statusCode === 401;
  }
}

module.exports = { MiniAuthError, HTTPError, NetworkError, TimeoutError, LoginError, RefreshError };
