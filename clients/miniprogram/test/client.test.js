'use strict';

const test = require('node:test');
const assert = require('node:assert/strict');
const { createAuthClient, LoginError, HTTPError, NetworkError, TimeoutError, MiniAuthError } = require('..');
const { createFakeWx, router, answer, sessionAnswer } = require('../test-helpers/fake-wx');

const BASE = 'https://api.example.test';
const KEY = 'miniauth:session';
const NOW = Date.UTC(2025, 0, 1);

function clientFor(wx, extra) {
  return createAuthClient(Object.assign({ baseURL: BASE, wx, now: () => NOW, sleep: async () => {} }, extra));
}

/** A stored session whose access token the server no longer accepts, and no refresh token. */
function seedStaleSession(wx, token) {
  wx.storage.set(KEY, { token: token || 'stale', expiresAt: NOW + 3600_000, user: { id: 1 } });
}

/** A server where `good` is the only accepted token and /user/login mints `good`. */
function serverAccepting(good, overrides) {
  const routes = Object.assign(
    {
      'POST /user/login': () => answer.ok(sessionAnswer(good, { isNewUser: false })),
      'GET /user/me': (req) =>
        req.header.Authorization === 'Bearer ' + good ? answer.ok({ id: 1 }) : answer.problem(401, 'TOKEN_EXPIRED'),
    },
    overrides,
  );
  return router(routes);
}

test('logs in with the wx.login code before the first request and sends the bearer token', async () => {
  const wx = createFakeWx(serverAccepting('t1'));
  const client = clientFor(wx, { appid: 'wxapp' });
  const res = await client.request({ url: '/user/me' });
  assert.equal(res.statusCode, 200);
  assert.deepEqual(res.data, { id: 1 });
  assert.equal(wx.loginCalls, 1);
  const login = wx.requests.find((r) => r.path === '/user/login');
  assert.deepEqual(login.data, { code: 'code-1', appid: 'wxapp' });
  const me = wx.requests.find((r) => r.path === '/user/me');
  assert.equal(me.header.Authorization, 'Bearer t1');
});

test('creates only one login for 20 concurrent 401s', async () => {
  const wx = createFakeWx(serverAccepting('fresh'));
  seedStaleSession(wx);
  const client = clientFor(wx);
  const results = await Promise.all(Array.from({ length: 20 }, () => client.request({ url: '/user/me' })));
  assert.equal(results.length, 20);
  results.forEach((res) => assert.equal(res.statusCode, 200));
  assert.equal(wx.loginCalls, 1);
  assert.equal(wx.count('POST', '/user/login'), 1);
  assert.equal(wx.count('GET', '/user/me'), 40);
});

test('creates only one login for 20 concurrent requests made before any session exists', async () => {
  const wx = createFakeWx(serverAccepting('fresh'));
  const client = clientFor(wx);
  await Promise.all(Array.from({ length: 20 }, () => client.request({ url: '/user/me' })));
  assert.equal(wx.loginCalls, 1);
  assert.equal(wx.count('POST', '/user/login'), 1);
  assert.equal(wx.count('GET', '/user/me'), 20);
});

test('retries a request only once when it is refused again after logging in', async () => {
  const wx = createFakeWx(
    serverAccepting('fresh', { 'GET /user/me': () => answer.problem(401, 'TOKEN_INVALID') }),
  );
  seedStaleSession(wx);
  const client = clientFor(wx);
  await assert.rejects(client.request({ url: '/user/me' }), (e) => {
    assert.ok(e instanceof HTTPError);
    assert.equal(e.statusCode, 401);
    assert.equal(e.code, 'TOKEN_INVALID');
    return true;
  });
  assert.equal(wx.count('GET', '/user/me'), 2);
  assert.equal(wx.loginCalls, 1);
});

test('does not renew the session for a 401 whose code is not about the token', async () => {
  const wx = createFakeWx(serverAccepting('t', { 'GET /user/me': () => answer.problem(401, 'UNAUTHORIZED') }));
  seedStaleSession(wx, 't');
  const client = clientFor(wx);
  await assert.rejects(client.request({ url: '/user/me' }), { name: 'HTTPError', code: 'UNAUTHORIZED' });
  assert.equal(wx.loginCalls, 0);
});

for (const [status, code, header] of [
  [400, 'INVALID_CODE'],
  [403, 'LOGIN_BLOCKED'],
  [429, 'RATE_LIMITED', { 'Retry-After': '30' }],
  [503, 'WECHAT_UNAVAILABLE', { 'Retry-After': '5' }],
]) {
  test(`rejects every waiting request with one LoginError when /user/login answers ${status} ${code}`, async () => {
    const wx = createFakeWx(serverAccepting('never', { 'POST /user/login': () => answer.problem(status, code, header) }));
    const client = clientFor(wx);
    const outcomes = await Promise.allSettled(Array.from({ length: 20 }, () => client.request({ url: '/user/me' })));
    const errors = outcomes.map((o) => {
      assert.equal(o.status, 'rejected');
      return o.reason;
    });
    errors.forEach((e) => {
      assert.ok(e instanceof LoginError);
      assert.ok(e instanceof MiniAuthError);
      assert.equal(e.code, code);
      assert.equal(e.msg, 'because ' + code);
      assert.equal(e.statusCode, status);
    });
    assert.equal(new Set(errors).size, 1, 'all waiters share the single login error');
    if (header) assert.equal(errors[0].retryAfter, Number(header['Retry-After']));
    assert.equal(wx.loginCalls, 1);
    assert.equal(wx.count('POST', '/user/login'), 1);
    assert.equal(wx.count('GET', '/user/me'), 0);
  });
}

test('does not log in a second time when the login after a 401 fails', async () => {
  const wx = createFakeWx(
    serverAccepting('never', { 'POST /user/login': () => answer.problem(403, 'LOGIN_BLOCKED') }),
  );
  seedStaleSession(wx);
  const client = clientFor(wx);
  const outcomes = await Promise.allSettled(Array.from({ length: 5 }, () => client.request({ url: '/user/me' })));
  outcomes.forEach((o) => assert.equal(o.reason.code, 'LOGIN_BLOCKED'));
  assert.equal(wx.loginCalls, 1);
  assert.equal(wx.count('POST', '/user/login'), 1);
});

test('rejects with a LoginError when wx.login itself fails and never calls /user/login', async () => {
  const wx = createFakeWx(serverAccepting('t'), { loginFails: true });
  const client = clientFor(wx);
  await assert.rejects(client.login(), { name: 'LoginError', code: 'WX_LOGIN_FAILED' });
  assert.equal(wx.count('POST', '/user/login'), 0);
});

test('rejects with a LoginError caused by a NetworkError when /user/login cannot be reached', async () => {
  const wx = createFakeWx(serverAccepting('t', { 'POST /user/login': () => answer.networkFailure() }));
  const client = clientFor(wx);
  await assert.rejects(client.login(), (e) => {
    assert.ok(e instanceof LoginError);
    assert.ok(e.cause instanceof NetworkError);
    assert.equal(e.code, 'NETWORK_ERROR');
    return true;
  });
  assert.equal(wx.count('POST', '/user/login'), 1, 'a POST is never retried');
});

test('rejects with a TimeoutError when the transport times out', async () => {
  const wx = createFakeWx(serverAccepting('t', { 'GET /user/me': () => answer.timeout() }));
  const client = clientFor(wx);
  await assert.rejects(client.request({ url: '/user/me' }), (e) => e instanceof TimeoutError && e.code === 'TIMEOUT');
  assert.equal(wx.count('GET', '/user/me'), 1, 'timeouts are not retried');
});

test('rejects a non-2xx answer with an HTTPError that carries the problem details and the response', async () => {
  const wx = createFakeWx(serverAccepting('t', { 'GET /user/me': () => answer.problem(404, 'NOT_FOUND') }));
  const client = clientFor(wx);
  await assert.rejects(client.request({ url: '/user/me' }), (e) => {
    assert.ok(e instanceof HTTPError);
    assert.equal(e.statusCode, 404);
    assert.equal(e.code, 'NOT_FOUND');
    assert.equal(e.msg, 'because NOT_FOUND');
    assert.equal(e.response.statusCode, 404);
    return true;
  });
});

test('never stores a session_key even when the login answer contains one', async () => {
  const wx = createFakeWx(
    serverAccepting('t', {
      'POST /user/login': () =>
        answer.ok(sessionAnswer('t', { session_key: 'SECRET', sessionKey: 'SECRET', user: { id: 1, session_key: 'SECRET' } })),
    }),
  );
  const client = clientFor(wx);
  await client.login();
  const stored = wx.storage.get(KEY);
  assert.deepEqual(Object.keys(stored).sort(), ['expiresAt', 'refreshExpiresAt', 'refreshToken', 'token', 'user']);
  assert.doesNotMatch(JSON.stringify([...wx.storage.entries()]), /SECRET|session_?key/i);
  assert.equal(stored.expiresAt, NOW + 7200_000);
  assert.equal(stored.refreshExpiresAt, NOW + 2592000_000);
});

test('does not hand back a session_key that was put into storage by someone else', async () => {
  const wx = createFakeWx(serverAccepting('t'));
  wx.storage.set(KEY, { token: 't', expiresAt: NOW + 3600_000, session_key: 'SECRET', user: { id: 1, session_key: 'SECRET' } });
  const client = clientFor(wx);
  assert.deepEqual(client.getUser(), { id: 1 });
  const { user } = await client.ensureLogin();
  assert.deepEqual(user, { id: 1 });
});

test('keeps the session under one namespaced key, which can be changed', async () => {
  const wx = createFakeWx(serverAccepting('t'));
  const client = clientFor(wx, { storageKey: 'shop:auth' });
  await client.login();
  assert.deepEqual([...wx.storage.keys()], ['shop:auth']);
});

test('uses an injected storage instead of wx storage', async () => {
  const wx = createFakeWx(serverAccepting('t'));
  const saved = new Map();
  const storage = { get: (k) => saved.get(k), set: (k, v) => saved.set(k, v), remove: (k) => saved.delete(k) };
  const client = clientFor(wx, { storage });
  await client.login();
  assert.equal(saved.get(KEY).token, 't');
  assert.equal(wx.storage.size, 0);
});

test('clears storage on logout even when the server call fails', async () => {
  const wx = createFakeWx(serverAccepting('t', { 'POST /user/logout': () => answer.networkFailure() }));
  seedStaleSession(wx, 't');
  const client = clientFor(wx);
  await assert.rejects(client.logout(), NetworkError);
  assert.equal(wx.storage.has(KEY), false);
  assert.equal(client.isLoggedIn(), false);
});

test('calls /user/logout with the bearer token and forgets the session', async () => {
  const states = [];
  const wx = createFakeWx(serverAccepting('t', { 'POST /user/logout': () => answer.noContent() }));
  const client = clientFor(wx, { onLoginStateChange: (s) => states.push(s) });
  await client.login();
  assert.equal(client.isLoggedIn(), true);
  await client.logout();
  const logout = wx.requests.find((r) => r.path === '/user/logout');
  assert.equal(logout.header.Authorization, 'Bearer t');
  assert.equal(client.isLoggedIn(), false);
  assert.deepEqual(states, [
    { loggedIn: true, user: { id: 1, nickName: 'Ada' } },
    { loggedIn: false, user: null },
  ]);
});

test('logs in again for the first request after logout', async () => {
  const wx = createFakeWx(serverAccepting('t', { 'POST /user/logout': () => answer.noContent() }));
  const client = clientFor(wx);
  await client.login();
  await client.logout();
  await client.request({ url: '/user/me' });
  assert.equal(wx.loginCalls, 2);
});

test('reports the login result with isNewUser and the user', async () => {
  const wx = createFakeWx(serverAccepting('t', { 'POST /user/login': () => answer.ok(sessionAnswer('t', { isNewUser: true })) }));
  const client = clientFor(wx);
  assert.deepEqual(await client.login(), { user: { id: 1, nickName: 'Ada' }, isNewUser: true });
});

test('shows loading while logging in and toasts the server message when it fails', async () => {
  const calls = [];
  const ui = { loading: (on) => calls.push(['loading', on]), toast: (msg) => calls.push(['toast', msg]) };
  const wx = createFakeWx(serverAccepting('t', { 'POST /user/login': () => answer.problem(400, 'CODE_ALREADY_USED') }));
  const client = clientFor(wx, { ui });
  await assert.rejects(client.login(), LoginError);
  assert.deepEqual(calls, [['loading', true], ['toast', 'because CODE_ALREADY_USED'], ['loading', false]]);
});

test('resolves checkSession to true or false from wx.checkSession', async () => {
  const valid = clientFor(createFakeWx(serverAccepting('t')));
  const expired = clientFor(createFakeWx(serverAccepting('t'), { sessionValid: false }));
  assert.equal(await valid.checkSession(), true);
  assert.equal(await expired.checkSession(), false);
});

test('sends requests marked skipAuth without a token and without logging in', async () => {
  const wx = createFakeWx(() => answer.ok({ up: true }));
  const client = clientFor(wx);
  const res = await client.request({ url: '/health', skipAuth: true });
  assert.deepEqual(res.data, { up: true });
  assert.equal(wx.requests[0].header.Authorization, undefined);
  assert.equal(wx.loginCalls, 0);
});

test('refuses to be created without a baseURL', () => {
  assert.throws(() => createAuthClient({ wx: createFakeWx(() => answer.ok({})) }), /baseURL cannot be empty/);
});
