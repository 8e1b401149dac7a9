'use strict';

const test = require('node:test');
const assert = require('node:assert/strict');
const { createAuthClient, HTTPError, LoginError, RefreshError } = require('..');
const { createFakeWx, router, answer, sessionAnswer } = require('../test-helpers/fake-wx');

const BASE = 'https://api.example.test';
const KEY = 'miniauth:session';
const NOW = Date.UTC(2025, 0, 1);

function revoked(reason) {
  const res = answer.problem(401, 'TOKEN_REVOKED', { 'WWW-Authenticate': 'Bearer realm="miniauth", error="invalid_token"' });
  res.data.reason = reason;
  return res;
}

function clientFor(routes, session) {
  const wx = createFakeWx(router(routes));
  wx.storage.set(KEY, Object.assign({ token: 'old', expiresAt: NOW + 3600_000, user: { id: 1 } }, session));
  const states = [];
  const client = createAuthClient({
    baseURL: BASE, wx, now: () => NOW, sleep: async () => {}, onLoginStateChange: (s) => states.push(s),
  });
  return { wx, client, states };
}

for (const reason of ['ended_by_user', 'ended_by_operator', 'banned', 'deleted', 'deletion_pending']) {
  test('after TOKEN_REVOKED with reason ' + reason + ' clears the session, does not log in again and rejects with the reason', async () => {
    const { wx, client, states } = clientFor({
      'GET /user/me': () => revoked(reason),
      'POST /user/login': () => answer.ok(sessionAnswer('new')),
    });
    await assert.rejects(client.get('/user/me'), (e) => {
      assert.ok(e instanceof HTTPError);
      assert.equal(e.code, 'TOKEN_REVOKED');
      assert.equal(e.reason, reason);
      return true;
    });
    assert.equal(wx.loginCalls, 0);
    assert.equal(wx.count('GET', '/user/me'), 1);
    assert.equal(wx.storage.has(KEY), false);
    assert.deepEqual(states, [{ loggedIn: false, user: null, reason }]);
  });
}

for (const reason of ['logout', 'session_limit', 'refresh_replay', undefined]) {
  test('after TOKEN_REVOKED with reason ' + reason + ' logs in again and retries once', async () => {
    const { wx, client } = clientFor({
      'GET /user/me': (req) => (req.header.Authorization === 'Bearer new' ? answer.ok({ id: 1 }) : revoked(reason)),
      'POST /user/login': () => answer.ok(sessionAnswer('new')),
    });
    assert.equal((await client.get('/user/me')).statusCode, 200);
    assert.equal(wx.loginCalls, 1);
  });
}

test('a refresh refused with TOKEN_REVOKED reason ended_by_operator rejects with a RefreshError carrying the reason', async () => {
  const { wx, client, states } = clientFor({
    'POST /user/token/refresh': () => revoked('ended_by_operator'),
    'POST /user/login': () => answer.ok(sessionAnswer('new')),
  }, { expiresAt: NOW - 1, refreshToken: 'r1', refreshExpiresAt: NOW + 3600_000 });
  await assert.rejects(client.get('/user/me'), (e) => {
    assert.ok(e instanceof RefreshError);
    assert.equal(e.reason, 'ended_by_operator');
    return true;
  });
  assert.equal(wx.loginCalls, 0);
  assert.equal(wx.storage.has(KEY), false);
  assert.deepEqual(states, [{ loggedIn: false, user: null, reason: 'ended_by_operator' }]);
});

test('a login refused with 403 ACCOUNT_BANNED rejects with a LoginError carrying until', async () => {
  const banned = answer.problem(403, 'ACCOUNT_BANNED');
  banned.data.until = '2025-02-01T00:00:00Z';
  const { client } = clientFor({ 'POST /user/login': () => banned });
  await assert.rejects(client.login(), (e) => {
    assert.ok(e instanceof LoginError);
    assert.equal(e.code, 'ACCOUNT_BANNED');
    assert.equal(e.statusCode, 403);
    assert.equal(e.until, '2025-02-01T00:00:00Z');
    return true;
  });
});

test('a permanent ban carries until null', async () => {
  const banned = answer.problem(403, 'ACCOUNT_BANNED');
  banned.data.until = null;
  const { client } = clientFor({ 'GET /orders': () => banned });
  await assert.rejects(client.get('/orders'), (e) => e instanceof HTTPError && e.until === null);
});
