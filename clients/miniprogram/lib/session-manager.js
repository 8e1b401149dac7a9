'use strict';

const { LoginError, RefreshError } = require('./errors');
const { isSuccess, body, problemDetails } = require('./response');
const { isTokenAnswer, sessionFromAnswer } = require('./session-store');

/**
 * TOKEN_REVOKED reasons after which logging in again silently would undo what someone
 * decided: the user or an operator ended the session, or the account is banned or gone.
 * The session is cleared and the error reaches the caller, `reason` included. Other
 * reasons (logout, session_limit, refresh_replay, none) renew as before.
 */
const FINAL_REVOCATION_REASONS = ['ended_by_user', 'ended_by_operator', 'banned', 'deleted', 'deletion_pending'];

function isFinalRevocation(details) {
  return details.code === 'TOKEN_REVOKED' && FINAL_REVOCATION_REASONS.indexOf(details.reason) !== -1;
}
const { clientMessage } = require('./language');

/**
 * Owns the session: hands out a valid access token and renews it. Every renewal,
 * whether a refresh or a login, runs as one shared promise (single flight, as in
 * axios-auth-refresh): callers that need a token while it runs wait on it and get
 * its result or its error; none starts a second one.
 */
function createSessionManager({ store, send, getLoginCode, appid, now, refreshAheadMs, ui, onLoginStateChange, language }) {
  let renewal = null;
  /** The phone code the running renewal binds: only a login with a phone code has one. */
  let renewalPhoneCode;

  function runOnce(task, phoneCode) {
    if (!renewal) {
      renewalPhoneCode = phoneCode;
      renewal = Promise.resolve()
        .then(task)
        .finally(() => {
          renewal = null;
          renewalPhoneCode = undefined;
        });
    }
    return renewal;
  }

  /**
   * Waits on the running renewal for a caller that only needs a session. A phone login
   * that fails (PHONE_IN_USE, INVALID_PHONE_CODE) fails for the caller who asked for it;
   * one that merely waited goes on with `retry`, as if it had not run.
   */
  function joinRenewal(retry) {
    if (renewalPhoneCode === undefined) return renewal;
    return renewal.catch(() => retry());
  }

  /** A token good for the next request: logs in or refreshes first when needed. */
  async function validSession() {
    if (renewal) return joinRenewal(validSession);
    const session = store.load();
    if (!session) return runOnce(login);
    if (session.expiresAt - refreshAheadMs > now()) return session;
    return runOnce(() => refreshOrLogin(session, session.expiresAt > now()));
  }

  /**
   * The server refused `staleToken` with `code`. Renews unless another caller
   * already did (the stored token changed), so N concurrent 401s renew once.
   */
  async function renewAfterRefusal(staleToken, code) {
    if (renewal) return joinRenewal(() => renewAfterRefusal(staleToken, code));
    const session = store.load();
    if (session && session.token !== staleToken && session.expiresAt > now()) return session;
    if (!session || code === 'TOKEN_REVOKED') return runOnce(login);
    return runOnce(() => refreshOrLogin(session, false));
  }

  async function refreshOrLogin(session, tokenStillUsable) {
    if (!session.refreshToken || !(session.refreshExpiresAt > now())) return login();
    try {
      return await refresh(session);
    } catch (error) {
      if (error instanceof RefreshError && error.refused) {
        if (isFinalRevocation(error)) {
          clear(error.reason);
          throw error;
        }
        clear();
        return login();
      }
      if (tokenStillUsable) return session;
      throw error;
    }
  }

  async function refresh(session) {
    let response;
    try {
      response = await send({ url: '/user/token/refresh', method: 'POST', data: { refreshToken: session.refreshToken } });
    } catch (cause) {
      throw new RefreshError('Refreshing the session failed: ' + cause.message, { code: cause.code, msg: cause.msg, cause });
    }
    if (!isSuccess(response)) {
      const details = problemDetails(response, now());
      throw new RefreshError('Refreshing the session was refused: ' + details.code, details);
    }
    const answer = body(response);
    if (!isTokenAnswer(answer)) {
      throw new RefreshError('The refresh answer held no token: is baseURL MiniAuth?', {
        code: 'INVALID_ANSWER',
        statusCode: response.statusCode,
        response,
      });
    }
    return store.save(sessionFromAnswer(answer, now(), session));
  }

  async function login(phoneCode) {
    if (ui && ui.loading) ui.loading(true);
    try {
      const session = await exchangeCode(phoneCode);
      if (onLoginStateChange) onLoginStateChange({ loggedIn: true, user: session.user });
      return session;
    } catch (error) {
      if (ui && ui.toast) ui.toast(error.msg);
      throw error;
    } finally {
      if (ui && ui.loading) ui.loading(false);
    }
  }

  async function exchangeCode(phoneCode) {
    let code;
    try {
      code = await getLoginCode();
    } catch (cause) {
      if (cause instanceof LoginError) throw cause;
      throw new LoginError('Getting a login code failed: ' + (cause && cause.message), {
        code: 'WX_LOGIN_FAILED',
        msg: clientMessage(language, 'WX_LOGIN_FAILED'),
        cause,
      });
    }
    const data = { code };
    if (appid) data.appid = appid;
    if (phoneCode !== undefined) data.phoneCode = phoneCode;
    let response;
    try {
      response = await send({ url: '/user/login', method: 'POST', data });
    } catch (cause) {
      throw new LoginError('Logging in failed: ' + cause.message, { code: cause.code, msg: cause.msg, cause });
    }
    if (!isSuccess(response)) {
      const details = problemDetails(response, now());
      throw new LoginError('Logging in was refused: ' + details.code, details);
    }
    const answer = body(response);
    if (!isTokenAnswer(answer)) {
      throw new LoginError('The login answer held no token: is baseURL MiniAuth?', {
        code: 'INVALID_ANSWER',
        statusCode: response.statusCode,
        response,
      });
    }
    const session = store.save(sessionFromAnswer(answer, now(), null));
    return Object.assign({}, session, { isNewUser: answer.isNewUser === true });
  }

  /**
   * Forces a fresh wx.login, joining a renewal already running. With a phone code the
   * login also binds the phone number: it joins only a login with the same phone code,
   * and otherwise first waits for the running renewal to end, so that the phone code is
   * neither dropped nor sent twice.
   */
  async function forceLogin(phoneCode) {
    if (phoneCode === undefined) return runOnce(() => login());
    while (renewal && renewalPhoneCode !== phoneCode) {
      await renewal.catch(() => {}); // its outcome is its own callers'
    }
    return runOnce(() => login(phoneCode), phoneCode);
  }

  /** Forgets the session; `reason` is the TOKEN_REVOKED reason when the server ended it. */
  function clear(reason) {
    const had = store.load() !== null;
    store.clear();
    if (!had || !onLoginStateChange) return;
    const state = { loggedIn: false, user: null };
    if (reason !== undefined) state.reason = reason;
    onLoginStateChange(state);
  }

  function isLoggedIn() {
    const session = store.load();
    if (!session) return false;
    return session.expiresAt > now() || session.refreshExpiresAt > now();
  }

  return {
    validSession,
    renewAfterRefusal,
    forceLogin,
    current: () => store.load(),
    clear,
    isLoggedIn,
  };
}

module.exports = { createSessionManager, isFinalRevocation };
