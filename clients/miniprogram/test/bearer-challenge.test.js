'use strict';

const test = require('node:test');
const assert = require('node:assert/strict');
const { createAuthClient, HTTPError } = require('..');
const { createFakeWx, router, answer, sessionAnswer } = require('../test-helpers/fake-wx');

const BASE = 'https://api.example.test';
const NOW = Date.UTC(2025, 0, 1);

/** A 401 as a resource server (Spring Security, jose) writes it: a challenge, no body. */
function challenge(value) {
  return { statusCode: 401, data: '', header: { 'www-authenticate': value } };
}

function clientFor(orders) {
  const wx = createFakeWx(router({
    'GET /orders': orders,
    'POST /user/token/refresh': () => answer.ok(sessionAnswer('fresh')),
    'POST /user/login': () => answer.ok(sessionAnswer('fresh')),
  }));
  wx.storage.set('miniauth:session', {
    token: 'stale', expiresAt: NOW + 3600_000, refreshToken: 'r1', refreshExpiresAt: NOW + 7200_000, user: null,
  });
  return { wx, client: createAuthClient({ baseURL: BASE, wx, now: () => NOW, sleep: async () => {} }) };
}

for (const value of [
  'Bearer error="invalid_token", error_description="Jwt expired at 2025-01-01T00:00:00Z", error_uri="https://tools.ietf.org/html/rfc6750#section-3.1"',
  'Bearer realm="api",error="invalid_token"',
  'bearer error=invalid_token',
]) {
  test('renews and retries once after a 401 with ' + value, async () => {
    const { wx, client } = clientFor((req) =>
      req.header.Authorization === 'Bearer fresh' ? answer.ok({ orders: [] }) : challenge(value));
    const res = await client.get('/orders');
    assert.equal(res.statusCode, 200);
    assert.equal(wx.count('GET', '/orders'), 2);
    assert.equal(wx.count('POST', '/user/token/refresh'), 1);
  });
}

test('gives up with TOKEN_INVALID when the retry is refused too', async () => {
  const { wx, client } = clientFor(() => challenge('Bearer error="invalid_token"'));
  await assert.rejects(client.get('/orders'), (e) => e instanceof HTTPError && e.code === 'TOKEN_INVALID' && e.statusCode === 401);
  assert.equal(wx.count('GET', '/orders'), 2);
});

for (const value of ['Bearer', 'Bearer realm="api"', 'Bearer error="insufficient_scope"', 'Basic realm="x", error="invalid_token"']) {
  test('does not renew after a 401 with ' + value, async () => {
    const { wx, client } = clientFor(() => challenge(value));
    await assert.rejects(client.get('/orders'), (e) => e instanceof HTTPError && e.code === 'HTTP_401');
    assert.equal(wx.count('GET', '/orders'), 1);
    assert.equal(wx.count('POST', '/user/token/refresh'), 0);
  });
}
