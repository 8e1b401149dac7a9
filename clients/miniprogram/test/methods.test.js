'use strict';

const test = require('node:test');
const assert = require('node:assert/strict');
const { createAuthClient } = require('..');
const { createFakeWx, router, answer } = require('../test-helpers/fake-wx');

const BASE = 'https://api.example.test';
const NOW = Date.UTC(2025, 0, 1);

/** The methods WeChat's typings list for wx.request (RequestOption.method). */
const WX_METHODS = ['OPTIONS', 'GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'TRACE', 'CONNECT'];

function signedIn(routes) {
  const wx = createFakeWx(router(routes));
  wx.storage.set('miniauth:session', { token: 't', expiresAt: NOW + 3600_000, user: null });
  return { wx, client: createAuthClient({ baseURL: BASE, wx, now: () => NOW, sleep: async () => {} }) };
}

test('put() sends the profile change as PUT, a method wx.request documents', async () => {
  const { wx, client } = signedIn({ 'PUT /user/me': (req) => answer.ok(Object.assign({ id: 1 }, req.data)) });
  const res = await client.put('/user/me', { nickName: 'Ada' });
  assert.equal(res.data.nickName, 'Ada');
  assert.deepEqual(wx.requests.map((r) => r.method), ['PUT']);
  assert.equal(wx.requests[0].header.Authorization, 'Bearer t');
});

test('has no patch() shorthand, since wx.request has no PATCH', () => {
  const { client } = signedIn({});
  assert.equal(client.patch, undefined);
});

test('refuses PATCH and other methods outside wx.request\'s list without sending anything', async () => {
  const { wx, client } = signedIn({});
  for (const method of ['PATCH', 'patch', 'PROPFIND']) {
    await assert.rejects(client.request({ url: '/user/me', method, data: {} }), (e) => {
      assert.ok(e instanceof TypeError);
      assert.match(e.message, /wx\.request/);
      return true;
    });
  }
  assert.equal(wx.requests.length, 0);
});

test('sends every method wx.request lists, upper-cased', async () => {
  const routes = {};
  WX_METHODS.forEach((m) => (routes[m + ' /x'] = () => answer.ok({})));
  const { wx, client } = signedIn(routes);
  for (const method of WX_METHODS) await client.request({ url: '/x', method: method.toLowerCase() });
  assert.deepEqual(wx.requests.map((r) => r.method), WX_METHODS);
});
