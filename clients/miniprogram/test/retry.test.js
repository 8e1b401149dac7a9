'use strict';

const test = require('node:test');
const assert = require('node:assert/strict');
const { createAuthClient, HTTPError, NetworkError, DEFAULT_RETRY } = require('..');
const { createFakeWx, answer } = require('../test-helpers/fake-wx');

const BASE = 'https://api.example.test';
const NOW = Date.UTC(2025, 0, 1);

/** A client with a signed-in session whose sleeps are recorded instead of waited. */
function clientFor(handle, retry) {
  const wx = createFakeWx(handle);
  wx.storage.set('miniauth:session', { token: 't', expiresAt: NOW + 3600_000, user: null });
  const sleeps = [];
  const client = createAuthClient({
    baseURL: BASE,
    wx,
    retry,
    now: () => NOW,
    sleep: async (ms) => {
      sleeps.push(ms);
    },
  });
  return { wx, client, sleeps };
}

test('retries a GET on 503 up to the limit with exponential backoff, then rejects', async () => {
  const { wx, client, sleeps } = clientFor(() => answer.problem(503, 'WECHAT_UNAVAILABLE'));
  await assert.rejects(client.get('/user/me'), (e) => e instanceof HTTPError && e.statusCode === 503);
  assert.equal(wx.count('GET', '/user/me'), 3, 'limit 2 means 3 requests');
  assert.deepEqual(sleeps, [300, 600]);
});

test('respects a custom retry limit', async () => {
  const { wx, client } = clientFor(() => answer.problem(503, 'WECHAT_UNAVAILABLE'), { limit: 4 });
  await assert.rejects(client.get('/user/me'), HTTPError);
  assert.equal(wx.count('GET', '/user/me'), 5);
});

test('accepts a number as the retry limit and 0 to turn retries off', async () => {
  const { wx, client } = clientFor(() => answer.problem(503, 'WECHAT_UNAVAILABLE'), 0);
  await assert.rejects(client.get('/user/me'), HTTPError);
  assert.equal(wx.count('GET', '/user/me'), 1);
});

test('resolves once a retried GET succeeds', async () => {
  let calls = 0;
  const { client } = clientFor(() => (++calls < 2 ? answer.problem(503, 'WECHAT_UNAVAILABLE') : answer.ok({ id: 1 })));
  const res = await client.get('/user/me');
  assert.deepEqual(res.data, { id: 1 });
});

test('never retries a POST', async () => {
  const { wx, client, sleeps } = clientFor(() => answer.problem(503, 'WECHAT_UNAVAILABLE'));
  await assert.rejects(client.post('/orders', { id: 1 }), HTTPError);
  assert.equal(wx.count('POST', '/orders'), 1);
  assert.deepEqual(sleeps, []);
});

test('retries a PUT after a network failure, since PUT /user/me is idempotent', async () => {
  const { wx, client } = clientFor(() => answer.networkFailure());
  await assert.rejects(client.put('/user/me', { nickName: 'x' }), NetworkError);
  assert.equal(wx.count('PUT', '/user/me'), 3);
});

test('retries a GET after a network failure', async () => {
  const { wx, client, sleeps } = clientFor(() => answer.networkFailure());
  await assert.rejects(client.get('/user/me'), NetworkError);
  assert.equal(wx.count('GET', '/user/me'), 3);
  assert.deepEqual(sleeps, [300, 600]);
});

test('honours Retry-After in seconds on 429', async () => {
  const { wx, client, sleeps } = clientFor(() => answer.problem(429, 'RATE_LIMITED', { 'retry-after': '7' }));
  await assert.rejects(client.get('/user/me'), (e) => e.statusCode === 429 && e.retryAfter === 7);
  assert.equal(wx.count('GET', '/user/me'), 3);
  assert.deepEqual(sleeps, [7000, 7000]);
});

test('honours Retry-After given as an HTTP date on 503', async () => {
  const date = new Date(NOW + 12_000).toUTCString();
  const { client, sleeps } = clientFor(() => answer.problem(503, 'WECHAT_UNAVAILABLE', { 'Retry-After': date }));
  await assert.rejects(client.get('/user/me'), HTTPError);
  assert.deepEqual(sleeps, [12000, 12000]);
});

test('gives up instead of waiting longer than maxRetryAfter', async () => {
  const { wx, client, sleeps } = clientFor(() => answer.problem(429, 'RATE_LIMITED', { 'Retry-After': '120' }), {
    maxRetryAfter: 60_000,
  });
  await assert.rejects(client.get('/user/me'), HTTPError);
  assert.equal(wx.count('GET', '/user/me'), 1);
  assert.deepEqual(sleeps, []);
});

test('caps the backoff at backoffLimit and applies a jitter function', async () => {
  const { client, sleeps } = clientFor(() => answer.problem(503, 'WECHAT_UNAVAILABLE'), {
    limit: 4,
    backoffLimit: 1000,
    jitter: (ms) => ms / 2,
  });
  await assert.rejects(client.get('/user/me'), HTTPError);
  assert.deepEqual(sleeps, [150, 300, 500, 500]);
});

test('does not retry statuses outside the policy such as 500', async () => {
  const { wx, client } = clientFor(() => answer.problem(500, 'WECHAT_MISCONFIGURED'));
  await assert.rejects(client.get('/user/me'), HTTPError);
  assert.equal(wx.count('GET', '/user/me'), 1);
});

test('exposes the default policy as frozen data', () => {
  assert.equal(DEFAULT_RETRY.limit, 2);
  assert.deepEqual([...DEFAULT_RETRY.methods], ['GET', 'HEAD', 'PUT', 'DELETE', 'OPTIONS']);
  assert.deepEqual([...DEFAULT_RETRY.statusCodes], [429, 503]);
  assert.ok(Object.isFrozen(DEFAULT_RETRY));
});
