'use strict';

const DEFAULT_STORAGE_KEY = 'miniauth:session';

/**
 * Keeps the session under one namespaced key as
 * { token, expiresAt, refreshToken, refreshExpiresAt, user }. Fields are copied by
 * name both ways, so a WeChat session_key that slipped into an answer or into
 * storage is never written nor handed back.
 */
function createSessionStore(storage, key) {
  const storageKey = key || DEFAULT_STORAGE_KEY;

  function load() {
    const saved = storage.get(storageKey);
    if (!saved || typeof saved !== 'object') return null;
    if (typeof saved.token !== 'string' || saved.token === '' || typeof saved.expiresAt !== 'number') return null;
    return pickSession(saved);
  }

  function save(session) {
    const clean = pickSession(session);
    storage.set(storageKey, clean);
    return clean;
  }

  function clear() {
    storage.remove(storageKey);
  }

  return { load, save, clear };
}

function pickSession(source) {
  const session = { token: source.token, expiresAt: source.expiresAt };
  if (typeof source.refreshToken === 'string') {
    session.refreshToken = source.refreshToken;
    session.refreshExpiresAt = source.refreshExpiresAt;
  }
  session.user = withoutSessionKey(source.user);
  return session;
}

function withoutSessionKey(user) {
  if (!user || typeof user !== 'object') return null;
  const copy = {};
  for (const name of Object.keys(user)) {
    if (!/^session_?key$/i.test(name)) copy[name] = user[name];
  }
  return copy;
}

/**
 * Whether a 2xx answer is MiniAuth's token answer: a captive portal's page or another
 * server behind a wrong baseURL also answers 200, without a token.
 */
function isTokenAnswer(answer) {
  return typeof answer.token === 'string' && answer.token !== '' && Number(answer.expiresIn) > 0;
}

/** Session fields from a /user/login or /user/token/refresh answer. */
function sessionFromAnswer(answer, now, previous) {
  const session = {
    token: answer.token,
    expiresAt: now + Number(answer.expiresIn) * 1000,
    user: answer.user || (previous && previous.user) || null,
  };
  if (typeof answer.refreshToken === 'string') {
    session.refreshToken = answer.refreshToken;
    session.refreshExpiresAt =
      answer.refreshExpiresIn !== undefined ? now + Number(answer.refreshExpiresIn) * 1000 : undefined;
  }
  return pickSession(session);
}

module.exports = { DEFAULT_STORAGE_KEY, createSessionStore, isTokenAnswer, sessionFromAnswer };
