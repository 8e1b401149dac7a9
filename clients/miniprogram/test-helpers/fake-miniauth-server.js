'use strict';

const http = require('node:http');

/**
 * A small stand-in for MiniAuth over real HTTP: one-time login codes, access tokens
 * that can be expired on demand, rotating single-use refresh tokens with reuse
 * detection, logout and /user/me. It counts every request by route, so tests assert
 * on what the server saw, as ky's tests do.
 */
async function startFakeMiniAuth() {
  const counts = {};
  const usedCodes = new Set();
  const accessTokens = new Map();
  const refreshTokens = new Map();
  const users = new Map();
  let serial = 0;

  function issue(userId, family) {
    serial++;
    const token = 'at-' + serial;
    const refreshToken = 'rt-' + serial;
    accessTokens.set(token, { userId, family, expired: false, revoked: false });
    refreshTokens.set(refreshToken, { userId, family, used: false });
    return {
      msg: 'ok',
      token,
      tokenType: 'Bearer',
      expiresIn: 7200,
      user: users.get(userId),
      refreshToken,
      refreshExpiresIn: 2592000,
    };
  }

  function revokeFamily(family) {
    for (const t of accessTokens.values()) if (t.family === family) t.revoked = true;
    for (const r of refreshTokens.values()) if (r.family === family) r.used = true;
  }

  function authenticate(req) {
    const match = /^Bearer (.+)$/.exec(req.headers.authorization || '');
    if (!match) return { problem: [401, 'UNAUTHORIZED'] };
    const t = accessTokens.get(match[1]);
    if (!t) return { problem: [401, 'TOKEN_INVALID'] };
    if (t.revoked) return { problem: [401, 'TOKEN_REVOKED'] };
    if (t.expired) return { problem: [401, 'TOKEN_EXPIRED'] };
    return { token: t };
  }

  const routes = {
    'POST /user/login': (body) => {
      if (!body.code) return [400, 'INVALID_REQUEST'];
      if (usedCodes.has(body.code)) return [400, 'CODE_ALREADY_USED'];
      usedCodes.add(body.code);
      const userId = body.code.split(':')[0];
      const isNewUser = !users.has(userId);
      if (isNewUser) users.set(userId, { id: userId, nickName: null, avatarUrl: null });
      return [200, Object.assign(issue(userId, 'f-' + serial), { isNewUser, session_key: 'NEVER_STORE_ME' })];
    },
    'POST /user/token/refresh': (body) => {
      const r = refreshTokens.get(body.refreshToken);
      if (!r) return [401, 'REFRESH_TOKEN_INVALID'];
      if (r.used) {
        revokeFamily(r.family);
        return [401, 'REFRESH_TOKEN_REUSED'];
      }
      r.used = true;
      return [200, issue(r.userId, r.family)];
    },
    'POST /user/logout': (body, auth) => {
      if (auth.problem) return auth.problem;
      revokeFamily(auth.token.family);
      return [204];
    },
    'GET /user/me': (body, auth) => (auth.problem ? auth.problem : [200, users.get(auth.token.userId)]),
    'PUT /user/me': (body, auth) => {
      if (auth.problem) return auth.problem;
      Object.assign(users.get(auth.token.userId), body);
      return [200, users.get(auth.token.userId)];
    },
  };

  const server = http.createServer((req, res) => {
    let raw = '';
    req.on('data', (chunk) => (raw += chunk));
    req.on('end', () => {
      const route = req.method + ' ' + req.url;
      counts[route] = (counts[route] || 0) + 1;
      const handler = routes[route];
      const [status, payload] = handler ? handler(raw ? JSON.parse(raw) : {}, authenticate(req)) : [404, 'NOT_FOUND'];
      if (status === 204) return res.writeHead(204).end();
      if (status >= 400) {
        res.writeHead(status, { 'Content-Type': 'application/problem+json' });
        return res.end(JSON.stringify({ type: 'about:blank', title: payload, status, detail: payload, code: payload, msg: payload }));
      }
      res.writeHead(status, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify(payload));
    });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));

  return {
    url: 'http://127.0.0.1:' + server.address().port,
    count: (route) => counts[route] || 0,
    expireAccessTokens: () => accessTokens.forEach((t) => (t.expired = true)),
    revokeEverything: () => {
      accessTokens.forEach((t) => (t.revoked = true));
      refreshTokens.forEach((r) => (r.used = true));
    },
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

module.exports = { startFakeMiniAuth };
