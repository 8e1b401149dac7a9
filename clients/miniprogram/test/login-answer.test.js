'use strict';

const test = require('node:test');
const assert = require('node:assert/strict');
const { createAuthClient, LoginError, RefreshError } = require('..');
const { createFakeWx, router, answer, sessionAnswer } = require('../test-helpers/fake-wx');

const BASE = 'https://api.example.test';
const NOW = Date.UTC(2025, 0, 1);

function clientFor(loginAnswer, extra) {
  const wx = createFakeWx(router(Object.assign({ 'POST /user/login': loginAnswer }, extra)));
  return { wx, client: createAuthClient({ baseURL: BASE, wx, now: () => NOW, sleep: async () => {} }) };
}

const captivePortal = () => ({
  statusCode: 200,
  data: '<html><body>Please accept the Wi-Fi terms</body></html>',
  header: { 'Content-Type': 'text/html' },
});

test('rejects login() with a LoginError when a 2xx answer is an HTML page, and stores nothing', async () => {
  const { wx, client } = clientFor(captivePortal);
  await assert.rejects(client.login(), (e) => {
    assert.ok(e instanceof LoginError);
    assert.equal(e.code, 'INVALID_ANSWER');
    assert.equal(e.statusCode, 200);
    return true;
  });
  assert.equal(wx.storage.size, 0);
  assert.equal(client.isLoggedIn(), false);
});

for (const [what, data] of [
  ['an empty object', {}],
  ['a user without a token', { user: { id: 1 }, expiresIn: 7200 }],
  ['an empty token', { token: '', expiresIn: 7200 }],
  ['a token without a lifetime', { token: 'abc' }],
  ['JSON null', 'null'],
]) {
  test('rejects login() with a LoginError when the answer is ' + what, async () => {
    const { client } = clientFor(() => answer.ok(data));
    await assert.rejects(client.login(), LoginError);
  });
}

test('never sends "Bearer undefined" after a login answer without a token', async () => {
  const { wx, client } = clientFor(captivePortal, { 'GET /user/me': () => answer.ok({ id: 1 }) });
  await assert.rejects(client.get('/user/me'), LoginError);
  await assert.rejects(client.get('/user/me'), LoginError);
  assert.equal(wx.count('GET', '/user/me'), 0);
  assert.ok(wx.requests.every((r) => !/undefined|null/.test(r.header.Authorization || '')));
});

test('ignores a stored session whose token is empty and logs in instead', async () => {
  const { wx, client } = clientFor(() => answer.ok(sessionAnswer('good')), {
    'GET /user/me': (req) => answer.ok({ auth: req.header.Authorization }),
  });
  wx.storage.set('miniauth:session', { token: '', expiresAt: NOW + 3600_000, user: null });
  const res = await client.get('/user/me');
  assert.equal(res.data.auth, 'Bearer good');
});

test('rejects with a RefreshError when a 2xx refresh answer holds no token, keeping the refresh token', async () => {
  const { wx, client } = clientFor(() => answer.ok(sessionAnswer('never')), {
    'POST /user/token/refresh': captivePortal,
  });
  wx.storage.set('miniauth:session', {
    token: 'old', expiresAt: NOW - 1, refreshToken: 'r1', refreshExpiresAt: NOW + 3600_000, user: null,
  });
  await assert.rejects(client.get('/user/me'), (e) => e instanceof RefreshError && e.code === 'INVALID_ANSWER');
  assert.equal(wx.storage.get('miniauth:session').refreshToken, 'r1');
  assert.equal(wx.count('GET', '/user/me'), 0);
});
