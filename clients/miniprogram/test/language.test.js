'use strict';

const test = require('node:test');
const assert = require('node:assert/strict');
const { createAuthClient, NetworkError, TimeoutError, LoginError } = require('..');
const { createFakeWx, router, answer, sessionAnswer } = require('../test-helpers/fake-wx');
const { languageTag, clientMessage } = require('../lib/language');

const BASE = 'https://api.example.test';

function clientFor(wx, extra) {
  return createAuthClient(Object.assign({ baseURL: BASE, wx, sleep: async () => {}, retry: 0 }, extra));
}

function server(overrides) {
  return router(
    Object.assign(
      {
        'POST /user/login': () => answer.ok(sessionAnswer('t')),
        'GET /user/me': () => answer.ok({ id: 1 }),
      },
      overrides,
    ),
  );
}

/** A fake wx whose getAppBaseInfo (and getSystemInfoSync, when given) report these languages. */
function wxIn(appLanguage, systemLanguage, handle) {
  const wx = createFakeWx(handle || server());
  if (appLanguage !== undefined) wx.getAppBaseInfo = () => ({ language: appLanguage });
  if (systemLanguage !== undefined) wx.getSystemInfoSync = () => ({ language: systemLanguage });
  return wx;
}

test('sends Accept-Language from wx.getAppBaseInfo on the login and on every request', async () => {
  const wx = wxIn('zh_CN');
  await clientFor(wx).request({ url: '/user/me' });
  assert.deepEqual(
    wx.requests.map((r) => [r.path, r.header['Accept-Language']]),
    [['/user/login', 'zh-CN'], ['/user/me', 'zh-CN']],
  );
});

test('sends English when the mini program runs in English', async () => {
  const wx = wxIn('en');
  await clientFor(wx).request({ url: '/user/me' });
  assert.ok(wx.requests.every((r) => r.header['Accept-Language'] === 'en'));
});

test('falls back to wx.getSystemInfoSync when getAppBaseInfo is missing, then to zh-CN', async () => {
  const older = wxIn(undefined, 'en_US');
  await clientFor(older).request({ url: '/user/me' });
  assert.equal(older.requests[0].header['Accept-Language'], 'en-US');

  const neither = wxIn();
  await clientFor(neither).request({ url: '/user/me' });
  assert.equal(neither.requests[0].header['Accept-Language'], 'zh-CN');
});

test('falls back when getAppBaseInfo throws', async () => {
  const wx = wxIn(undefined, 'zh_TW');
  wx.getAppBaseInfo = () => {
    throw new Error('getAppBaseInfo:fail not supported');
  };
  await clientFor(wx).request({ url: '/user/me' });
  assert.equal(wx.requests[0].header['Accept-Language'], 'zh-TW');
});

test('lets options.language, then a request header of the caller, choose the language', async () => {
  const wx = wxIn('zh_CN');
  const client = clientFor(wx, { language: 'en-US' });
  await client.request({ url: '/user/me' });
  await client.request({ url: '/user/me', header: { 'accept-language': 'fr' } });
  const me = wx.requests.filter((r) => r.path === '/user/me');
  assert.equal(me[0].header['Accept-Language'], 'en-US');
  assert.equal(me[1].header['accept-language'], 'fr');
  assert.equal(me[1].header['Accept-Language'], undefined);
});

test('says a network failure and a timeout in Chinese, keeping wx errMsg in the message', async () => {
  const wx = wxIn('zh_CN', undefined, server({ 'GET /user/me': () => answer.networkFailure() }));
  const client = clientFor(wx);
  await assert.rejects(client.request({ url: '/user/me' }), (e) => {
    assert.ok(e instanceof NetworkError);
    assert.equal(e.code, 'NETWORK_ERROR');
    assert.equal(e.msg, '网络连接失败，请检查网络后重试');
    assert.match(e.message, /connection refused/);
    return true;
  });
  const slow = wxIn('zh_CN', undefined, server({ 'GET /user/me': () => answer.timeout() }));
  await assert.rejects(clientFor(slow).request({ url: '/user/me' }), (e) => {
    assert.ok(e instanceof TimeoutError);
    assert.equal(e.msg, '请求超时，请稍后重试');
    return true;
  });
});

test('says a network failure and a timeout in English when the mini program runs in English', async () => {
  const wx = wxIn('en', undefined, server({ 'GET /user/me': () => answer.networkFailure() }));
  await assert.rejects(clientFor(wx).request({ url: '/user/me' }), (e) => {
    assert.equal(e.code, 'NETWORK_ERROR');
    assert.equal(e.msg, 'No connection: check the network and try again');
    return true;
  });
  const slow = wxIn('en', undefined, server({ 'GET /user/me': () => answer.timeout() }));
  await assert.rejects(clientFor(slow).request({ url: '/user/me' }), (e) => {
    assert.equal(e.code, 'TIMEOUT');
    assert.equal(e.msg, 'The request timed out: please try again');
    return true;
  });
});

test('toasts a wx.login failure in the language of the mini program', async () => {
  const toasts = [];
  const wx = createFakeWx(server(), { loginFails: true });
  wx.getAppBaseInfo = () => ({ language: 'zh_CN' });
  await assert.rejects(clientFor(wx, { ui: { toast: (msg) => toasts.push(msg) } }).login(), LoginError);

  const english = createFakeWx(server(), { loginFails: true });
  english.getAppBaseInfo = () => ({ language: 'en' });
  await assert.rejects(clientFor(english, { ui: { toast: (msg) => toasts.push(msg) } }).login(), (e) => {
    assert.equal(e.code, 'WX_LOGIN_FAILED');
    return true;
  });
  assert.deepEqual(toasts, ['微信登录失败，请稍后重试', 'WeChat login failed: please try again']);
});

test('reads WeChat language names as Accept-Language tags, Chinese unless English', () => {
  assert.equal(languageTag('zh_CN'), 'zh-CN');
  assert.equal(languageTag('zh_HK'), 'zh-HK');
  assert.equal(languageTag(''), 'zh-CN');
  assert.equal(languageTag(undefined), 'zh-CN');
  assert.equal(clientMessage('en-GB', 'TIMEOUT'), 'The request timed out: please try again');
  assert.equal(clientMessage('ja', 'TIMEOUT'), '请求超时，请稍后重试');
  assert.equal(clientMessage('english', 'TIMEOUT'), '请求超时，请稍后重试');
});
