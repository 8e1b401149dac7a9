'use strict';

/**
 * login({ phoneCode }): the code of the getPhoneNumber button goes beside the wx.login
 * code in one POST /user/login, which logs in and binds the phone. The server exchanges
 * a phone code once (WeChat charges for it), so the client sends each one once.
 */
const test = require('node:test');
const assert = require('node:assert/strict');
const { LoginError } = require('..');
const { createFakeWx, router, answer, sessionAnswer, fakeClient: clientFor } = require('../test-helpers/fake-wx');

const KEY = 'miniauth:session';

/** The login answer of a server that binds the phone of a phone code "p-<number>". */
function loginAnswer(req) {
  const phoneNumber = req.data.phoneCode ? req.data.phoneCode.replace(/^p-/, '') : null;
  return answer.ok(sessionAnswer('t-' + req.data.code, { user: { id: 'u1', phoneNumber } }));
}

/**
 * A client whose server answers /user/login through `handle` only when the test releases
 * it, to see what runs meanwhile, and answers /user/me with the token it got.
 */
function heldLogins(handle) {
  const waiting = [];
  const wx = createFakeWx(router({
    'POST /user/login': (req) => new Promise((resolve) => waiting.push(() => resolve(handle(req)))),
    'GET /user/me': (req) => answer.ok({ auth: req.header.Authorization }),
  }));
  return {
    wx,
    client: clientFor(wx),
    /** Answers the oldest login waiting, once one is sent; fails rather than waits for one that never comes. */
    async release() {
      for (let turns = 0; waiting.length === 0; turns++) {
        if (turns > 1000) throw new Error('no POST /user/login to answer');
        await new Promise((r) => setImmediate(r));
      }
      waiting.shift()();
    },
  };
}

test('sends the phone code beside the login code and resolves with the user and the bound number', async () => {
  const wx = createFakeWx(router({ 'POST /user/login': loginAnswer }));
  const client = clientFor(wx, { appid: 'wxapp' });

  const { user, isNewUser } = await client.login({ phoneCode: 'p-13800001111' });

  assert.equal(user.phoneNumber, '13800001111');
  assert.equal(isNewUser, false);
  const login = wx.requests.find((r) => r.path === '/user/login');
  assert.deepEqual(login.data, { code: 'code-1', appid: 'wxapp', phoneCode: 'p-13800001111' });
  assert.equal(wx.storage.get(KEY).user.phoneNumber, '13800001111');
});

test('sends no phoneCode for login() and login({})', async () => {
  const wx = createFakeWx(router({ 'POST /user/login': loginAnswer }));
  const client = clientFor(wx);
  await client.login();
  await client.login({});
  const sent = wx.requests.filter((r) => r.path === '/user/login').map((r) => r.data);
  assert.deepEqual(sent, [{ code: 'code-1' }, { code: 'code-2' }]);
});

for (const [status, code] of [[409, 'PHONE_IN_USE'], [400, 'INVALID_PHONE_CODE']]) {
  test(`rejects with a LoginError ${code} on ${status}, sends it once and keeps the session it had`, async () => {
    const wx = createFakeWx(router({
      'POST /user/login': (req) => (req.data.phoneCode ? answer.problem(status, code) : loginAnswer(req)),
    }));
    const client = clientFor(wx);
    await client.login();
    const before = wx.storage.get(KEY);

    await assert.rejects(client.login({ phoneCode: 'p-13800001111' }), (e) => {
      assert.ok(e instanceof LoginError);
      assert.equal(e.code, code);
      assert.equal(e.statusCode, status);
      assert.equal(e.msg, 'because ' + code);
      return true;
    });

    assert.equal(wx.requests.filter((r) => r.data && r.data.phoneCode).length, 1);
    assert.deepEqual(wx.storage.get(KEY), before);
    assert.equal(client.isLoggedIn(), true);
  });
}

test('toasts the server message when the phone is bound to another user', async () => {
  const toasts = [];
  const wx = createFakeWx(router({ 'POST /user/login': () => answer.problem(409, 'PHONE_IN_USE') }));
  const client = clientFor(wx, { ui: { toast: (msg) => toasts.push(msg) } });
  await assert.rejects(client.login({ phoneCode: 'p-1' }), LoginError);
  assert.deepEqual(toasts, ['because PHONE_IN_USE']);
});

for (const [what, phoneCode] of [['undefined', undefined], ['empty', ''], ['blank', '  '], ['a number', 42]]) {
  test(`refuses a phone code that is ${what} with a TypeError, before any wx.login`, async () => {
    const wx = createFakeWx(router({ 'POST /user/login': loginAnswer }));
    const client = clientFor(wx);
    await assert.rejects(client.login({ phoneCode }), TypeError);
    assert.equal(wx.loginCalls, 0);
    assert.equal(wx.requests.length, 0);
  });
}

test('sends one login for the same phone code asked twice at once', async () => {
  const wx = createFakeWx(router({ 'POST /user/login': loginAnswer }));
  const client = clientFor(wx);
  const [a, b] = await Promise.all([client.login({ phoneCode: 'p-1' }), client.login({ phoneCode: 'p-1' })]);
  assert.equal(a.user.phoneNumber, '1');
  assert.equal(b.user.phoneNumber, '1');
  assert.equal(wx.count('POST', '/user/login'), 1);
});

test('does not drop the phone code when a login without one is running: it logs in again after it', async () => {
  const held = heldLogins(loginAnswer);
  const { wx, client } = held;

  const plain = client.login();
  const withPhone = client.login({ phoneCode: 'p-13800001111' });
  await held.release();
  await held.release();

  assert.equal((await plain).user.phoneNumber, null);
  assert.equal((await withPhone).user.phoneNumber, '13800001111');
  const sent = wx.requests.filter((r) => r.path === '/user/login').map((r) => r.data);
  assert.deepEqual(sent, [{ code: 'code-1' }, { code: 'code-2', phoneCode: 'p-13800001111' }]);
});

test('requests made during a phone login wait for it and use its session', async () => {
  const held = heldLogins(loginAnswer);
  const { wx, client } = held;

  const login = client.login({ phoneCode: 'p-1' });
  const me = client.get('/user/me');
  await held.release();

  await login;
  assert.equal((await me).data.auth, 'Bearer t-code-1');
  assert.equal(wx.count('POST', '/user/login'), 1);
});

test('a request that waited for a phone login that failed still gets a session of its own', async () => {
  const held = heldLogins((req) => (req.data.phoneCode ? answer.problem(409, 'PHONE_IN_USE') : loginAnswer(req)));
  const { wx, client } = held;

  const login = client.login({ phoneCode: 'p-1' });
  const me = client.get('/user/me');
  await held.release();
  await assert.rejects(login, (e) => e instanceof LoginError && e.code === 'PHONE_IN_USE');
  await held.release();

  assert.equal((await me).data.auth, 'Bearer t-code-2');
  const sent = wx.requests.filter((r) => r.path === '/user/login').map((r) => r.data);
  assert.deepEqual(sent, [{ code: 'code-1', phoneCode: 'p-1' }, { code: 'code-2' }]);
});
