'use strict';

const test = require('node:test');
const assert = require('node:assert/strict');
const { createAuthClient, HTTPError } = require('..');
const { startFakeMiniAuth } = require('../test-helpers/fake-miniauth-server');
const { createFetchWx } = require('../test-helpers/fetch-wx');

const N = 20;

async function setUp(t) {
  const server = await startFakeMiniAuth();
  t.after(() => server.close());
  let codes = 0;
  const wx = createFetchWx(async () => 'alice:' + ++codes);
  const client = createAuthClient({ baseURL: server.url, wx });
  return { server, wx, client };
}

const burst = (client) => Promise.all(Array.from({ length: N }, () => client.get('/user/me')));

test(`logs in once on the server for ${N} concurrent requests without a session`, async (t) => {
  const { server, client } = await setUp(t);
  const answers = await burst(client);
  answers.forEach((res) => assert.equal(res.data.id, 'alice'));
  assert.equal(server.count('POST /user/login'), 1);
  assert.equal(server.count('GET /user/me'), N);
});

test(`refreshes once on the server for ${N} concurrent 401 TOKEN_EXPIRED`, async (t) => {
  const { server, client } = await setUp(t);
  await client.login();
  server.expireAccessTokens();
  await burst(client);
  assert.equal(server.count('POST /user/token/refresh'), 1);
  assert.equal(server.count('POST /user/login'), 1, 'only the first login');
  assert.equal(server.count('GET /user/me'), 2 * N);
});

test(`logs in once on the server for ${N} concurrent 401s when the session was revoked`, async (t) => {
  const { server, client } = await setUp(t);
  await client.login();
  server.revokeEverything();
  const answers = await burst(client);
  answers.forEach((res) => assert.equal(res.statusCode, 200));
  assert.equal(server.count('POST /user/login'), 2);
  assert.equal(server.count('POST /user/token/refresh'), 0);
});

test('falls back to one login when the server refuses a reused refresh token', async (t) => {
  const { server, wx, client } = await setUp(t);
  await client.login();
  const old = wx.getStorageSync('miniauth:session');
  server.expireAccessTokens();
  await client.get('/user/me');
  wx.setStorageSync('miniauth:session', old);
  await burst(client);
  assert.equal(server.count('POST /user/token/refresh'), 2);
  assert.equal(server.count('POST /user/login'), 2);
});

test('stores the rotated pair and never the session_key the server sent', async (t) => {
  const { wx, server, client } = await setUp(t);
  const { isNewUser } = await client.login();
  assert.equal(isNewUser, true);
  const before = wx.getStorageSync('miniauth:session');
  server.expireAccessTokens();
  await client.get('/user/me');
  const after = wx.getStorageSync('miniauth:session');
  assert.notEqual(after.refreshToken, before.refreshToken);
  assert.doesNotMatch(JSON.stringify([...wx.storage]), /NEVER_STORE_ME|session_key/);
});

test('updates the profile, logs out and logs in again for the next request', async (t) => {
  const { server, client } = await setUp(t);
  const patched = await client.put('/user/me', { nickName: 'Alice' });
  assert.equal(patched.data.nickName, 'Alice');
  await client.logout();
  assert.equal(server.count('POST /user/logout'), 1);
  assert.equal(client.isLoggedIn(), false);
  const me = await client.get('/user/me');
  assert.equal(me.data.nickName, 'Alice');
  assert.equal(server.count('POST /user/login'), 2);
});

test('rejects an unknown route with an HTTPError carrying the problem code', async (t) => {
  const { client } = await setUp(t);
  await assert.rejects(client.get('/nowhere'), (e) => e instanceof HTTPError && e.code === 'NOT_FOUND' && e.statusCode === 404);
});
