'use strict';

const test = require('node:test');
const assert = require('node:assert/strict');
const { createAuthClient, RefreshError, NetworkError } = require('..');
const { createFakeWx, router, answer, sessionAnswer } = require('../test-helpers/fake-wx');

const BASE = 'https://api.example.test';
const KEY = 'miniauth:session';
const NOW = Date.UTC(2025, 0, 1);

function clientFor(wx, extra) {
  return createAuthClient(Object.assign({ baseURL: BASE, wx, now: () => NOW, sleep: async () => {} }, extra));
}

/** A stored session whose access token has `secondsLeft` to live, with refresh token `r1`. */
function seedSession(wx, secondsLeft) {
  wx.storage.set(KEY, {
    token: 'a1',
    expiresAt: NOW + secondsLeft * 1000,
    refreshToken: 'r1',
    refreshExpiresAt: NOW + 86400_000,
    user: { id: 1 },
  });
}

/** A server that rotates r1 → r2 (and refuses a reused r1), and accepts a1 and a2. */
function rotatingServer(overrides) {
  let rotated = false;
  const routes = Object.assign(
    {
      'POST /user/token/refresh': (req) => {
        if (req.data.refreshToken !== 'r1' || rotated) return answer.problem(401, 'REFRESH_TOKEN_REUSED');
        rotated = true;
        return answer.ok(sessionAnswer('a2', { refreshToken: 'r2', user: undefined }));
      },
      'POST /user/login': () => answer.ok(sessionAnswer('a3', { refreshToken: 'r3' })),
      'GET /user/me': (req) =>
        /Bearer a[123]/.test(req.header.Authorization) ? answer.ok({ id: 1 }) : answer.problem(401, 'TOKEN_INVALID'),
    },
    overrides,
  );
  return router(routes);
}

test('refreshes ahead of expiry and stores the rotated refresh token', async () => {
  const wx = createFakeWx(rotatingServer());
  seedSession(wx, 30);
  const client = clientFor(wx, { refreshAhead: 60 });
  await client.request({ url: '/user/me' });
  const refresh = wx.requests.find((r) => r.path === '/user/token/refresh');
  assert.deepEqual(refresh.data, { refreshToken: 'r1' });
  assert.equal(wx.requests.at(-1).header.Authorization, 'Bearer a2');
  const stored = wx.storage.get(KEY);
  assert.equal(stored.token, 'a2');
  assert.equal(stored.refreshToken, 'r2');
  assert.equal(stored.expiresAt, NOW + 7200_000);
  assert.deepEqual(stored.user, { id: 1 }, 'keeps the user when the refresh answer has none');
  assert.equal(wx.loginCalls, 0);
});

test('does not refresh while the token has more than refreshAhead seconds left', async () => {
  const wx = createFakeWx(rotatingServer());
  seedSession(wx, 120);
  const client = clientFor(wx, { refreshAhead: 60 });
  await client.request({ url: '/user/me' });
  assert.equal(wx.count('POST', '/user/token/refresh'), 0);
  assert.equal(wx.requests[0].header.Authorization, 'Bearer a1');
});

test('sends a single refresh for 20 concurrent requests near expiry', async () => {
  const wx = createFakeWx(rotatingServer());
  seedSession(wx, 10);
  const client = clientFor(wx);
  await Promise.all(Array.from({ length: 20 }, () => client.request({ url: '/user/me' })));
  assert.equal(wx.count('POST', '/user/token/refresh'), 1);
  assert.equal(wx.loginCalls, 0);
  assert.equal(wx.storage.get(KEY).refreshToken, 'r2');
});

test('renews with the refresh token once for 20 concurrent 401 TOKEN_EXPIRED', async () => {
  const wx = createFakeWx(
    rotatingServer({
      'GET /user/me': (req) =>
        req.header.Authorization === 'Bearer a2' ? answer.ok({ id: 1 }) : answer.problem(401, 'TOKEN_EXPIRED'),
    }),
  );
  seedSession(wx, 3600);
  const client = clientFor(wx);
  await Promise.all(Array.from({ length: 20 }, () => client.request({ url: '/user/me' })));
  assert.equal(wx.count('POST', '/user/token/refresh'), 1);
  assert.equal(wx.loginCalls, 0);
});

for (const code of ['REFRESH_TOKEN_INVALID', 'REFRESH_TOKEN_REUSED', 'TOKEN_REVOKED']) {
  test(`falls back to wx.login exactly once when the refresh is refused with ${code}`, async () => {
    const wx = createFakeWx(rotatingServer({ 'POST /user/token/refresh': () => answer.problem(401, code) }));
    seedSession(wx, 10);
    const client = clientFor(wx);
    await Promise.all(Array.from({ length: 20 }, () => client.request({ url: '/user/me' })));
    assert.equal(wx.count('POST', '/user/token/refresh'), 1);
    assert.equal(wx.loginCalls, 1);
    assert.equal(wx.count('POST', '/user/login'), 1);
    assert.equal(wx.storage.get(KEY).refreshToken, 'r3');
  });
}

test('logs in without trying the refresh token after 401 TOKEN_REVOKED', async () => {
  const wx = createFakeWx(
    rotatingServer({
      'GET /user/me': (req) =>
        req.header.Authorization === 'Bearer a3' ? answer.ok({ id: 1 }) : answer.problem(401, 'TOKEN_REVOKED'),
    }),
  );
  seedSession(wx, 3600);
  const client = clientFor(wx);
  await client.request({ url: '/user/me' });
  assert.equal(wx.count('POST', '/user/token/refresh'), 0);
  assert.equal(wx.loginCalls, 1);
});

test('keeps using a still valid token when refreshing ahead cannot reach the server', async () => {
  const wx = createFakeWx(rotatingServer({ 'POST /user/token/refresh': () => answer.networkFailure() }));
  seedSession(wx, 30);
  const client = clientFor(wx);
  const res = await client.request({ url: '/user/me' });
  assert.equal(res.statusCode, 200);
  assert.equal(wx.requests.at(-1).header.Authorization, 'Bearer a1');
  assert.equal(wx.loginCalls, 0);
});

test('rejects with a RefreshError when the token has expired and the refresh cannot reach the server', async () => {
  const wx = createFakeWx(rotatingServer({ 'POST /user/token/refresh': () => answer.networkFailure() }));
  seedSession(wx, -5);
  const client = clientFor(wx);
  await assert.rejects(client.request({ url: '/user/me' }), (e) => {
    assert.ok(e instanceof RefreshError);
    assert.ok(e.cause instanceof NetworkError);
    return true;
  });
  assert.equal(wx.loginCalls, 0);
  assert.equal(wx.storage.get(KEY).refreshToken, 'r1', 'the refresh token is kept for the next try');
});

test('logs in instead of refreshing when the refresh token has expired too', async () => {
  const wx = createFakeWx(rotatingServer());
  wx.storage.set(KEY, { token: 'a1', expiresAt: NOW - 1, refreshToken: 'r1', refreshExpiresAt: NOW - 1, user: null });
  const client = clientFor(wx);
  assert.equal(client.isLoggedIn(), false);
  await client.ensureLogin();
  assert.equal(wx.count('POST', '/user/token/refresh'), 0);
  assert.equal(wx.loginCalls, 1);
});
