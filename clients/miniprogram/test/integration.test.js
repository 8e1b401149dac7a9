'use strict';

/**
 * The real flow against MiniAuth with its WeChat emulator: the packaged server named by
 * MINIAUTH_SERVER_JAR (the Maven build sets it and this file starts the server with short
 * token lifetimes), or a server already running at MINIAUTH_URL (with MINIAUTH_APPID when
 * it hosts more than one app).
 */
const test = require('node:test');
const assert = require('node:assert/strict');
const { createAuthClient, HTTPError, LoginError } = require('..');
const { createFetchWx } = require('../test-helpers/fetch-wx');
const { startMiniAuth } = require('../test-helpers/miniauth-process');
const { startResourceServer } = require('../test-helpers/resource-server');
const { notRun } = require('../test-helpers/not-run');

const JAR = process.env.MINIAUTH_SERVER_JAR;
const APPID = process.env.MINIAUTH_APPID || undefined;
const ISSUER = process.env.MINIAUTH_ISSUER || 'miniauth';
const SKIP_REASON = 'neither MINIAUTH_SERVER_JAR nor MINIAUTH_URL is set: build the server '
  + '(./mvnw verify does both) or start MiniAuth with its emulator and set MINIAUTH_URL';

/** Access tokens live this long on a server this file starts, so expiry can be seen. */
const TOKEN_LIFETIME_SECONDS = 2;

let BASE = process.env.MINIAUTH_URL;
let server;

if (!BASE && !JAR) notRun('the integration tests against MiniAuth (integration.test.js)', SKIP_REASON);
else if (BASE) {
  notRun('the integration tests that need short token lifetimes (integration.test.js)',
    'MINIAUTH_URL names a running server: set only MINIAUTH_SERVER_JAR to run them', { requiredInCI: false });
}

test.before(async () => {
  if (!BASE && JAR) {
    server = await startMiniAuth(JAR, ['--miniauth.token.lifetime=' + TOKEN_LIFETIME_SECONDS + 's',
      '--miniauth.token.refresh-reuse-interval=0s']);
    BASE = server.url;
  }
});

test.after(async () => {
  if (server) await server.stop();
});

/** A phone for `handle`: wx.login asks the emulator for a fresh one-time code. */
function phoneOf(handle, options = {}) {
  let logins = 0;
  const wx = createFetchWx(async () => {
    logins++;
    const res = await fetch(BASE + '/emulator/wx/login', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(APPID ? { user: handle, appid: APPID } : { user: handle }),
    });
    if (!res.ok) throw new Error('emulator answered ' + res.status);
    return (await res.json()).code;
  });
  const client = createAuthClient(Object.assign({ baseURL: BASE, appid: APPID, wx }, options));
  return { wx, client, logins: () => logins };
}

function integration(title, fn, { startedHere = false } = {}) {
  test(title, async (t) => {
    if (!BASE) {
      t.skip(SKIP_REASON);
      return;
    }
    if (startedHere && !server) {
      t.skip('needs the short token lifetimes of a server this file starts (MINIAUTH_SERVER_JAR)');
      return;
    }
    await fn(t);
  });
}

const stored = (wx) => [...wx.storage.values()][0];

const handle = () => 'sdk-' + Date.now().toString(36) + '-' + Math.random().toString(36).slice(2, 8);

integration('logs in through the emulator and reads /user/me', async () => {
  const { client } = phoneOf(handle());
  const { user, isNewUser } = await client.login();
  assert.equal(isNewUser, true);
  const me = await client.get('/user/me');
  assert.equal(me.statusCode, 200);
  assert.equal(me.data.id, user.id);
});

integration('logs in once for 20 concurrent requests made before any session exists', async () => {
  const phone = phoneOf(handle());
  const answers = await Promise.all(Array.from({ length: 20 }, () => phone.client.get('/user/me')));
  answers.forEach((res) => assert.equal(res.statusCode, 200));
  assert.equal(phone.logins(), 1);
});

integration('updates the profile with a nickname, an https avatar URL and a signature', async () => {
  const { client } = phoneOf(handle());
  const profile = { nickName: 'Ada', avatarUrl: 'https://cdn.example.com/a/ada.png', signature: 'hello' };
  const patched = await client.put('/user/me', profile);
  assert.equal(patched.statusCode, 200);
  const me = await client.get('/user/me');
  assert.equal(me.data.nickName, 'Ada');
  assert.equal(me.data.avatarUrl, profile.avatarUrl);
  assert.equal(me.data.signature, 'hello');
});

integration('logs out and logs in again as the same user for the next request', async () => {
  const phone = phoneOf(handle());
  const { user } = await phone.client.login();
  await phone.client.logout();
  assert.equal(phone.client.isLoggedIn(), false);
  const me = await phone.client.get('/user/me');
  assert.equal(me.data.id, user.id);
  assert.equal(phone.logins(), 2);
});

integration('never stores a session_key', async () => {
  const { wx, client } = phoneOf(handle());
  await client.login();
  assert.doesNotMatch(JSON.stringify([...wx.storage]), /session_?key/i);
});

integration('renews an expired access token with the refresh token, without a new wx.login', async () => {
  const phone = phoneOf(handle(), { refreshAhead: 0 });
  await phone.client.login();
  const before = stored(phone.wx);
  await new Promise((r) => setTimeout(r, TOKEN_LIFETIME_SECONDS * 1000 + 300));

  const me = await phone.client.get('/user/me');

  assert.equal(me.statusCode, 200);
  assert.equal(phone.logins(), 1);
  assert.notEqual(stored(phone.wx).token, before.token);
  assert.notEqual(stored(phone.wx).refreshToken, before.refreshToken);
}, { startedHere: true });

integration('a replayed refresh token ends the session, and the client logs in again', async () => {
  const phone = phoneOf(handle(), { refreshAhead: 0 });
  await phone.client.login();
  const stolen = stored(phone.wx).refreshToken;
  await new Promise((r) => setTimeout(r, TOKEN_LIFETIME_SECONDS * 1000 + 300));
  assert.equal((await phone.client.get('/user/me')).statusCode, 200);

  const replay = await fetch(BASE + '/user/token/refresh', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ refreshToken: stolen }),
  });
  assert.equal(replay.status, 401);
  assert.equal((await replay.json()).code, 'REFRESH_TOKEN_REUSED');

  const me = await phone.client.get('/user/me');
  assert.equal(me.statusCode, 200);
  assert.equal(phone.logins(), 2);
}, { startedHere: true });

/** The getPhoneNumber button of `handle`'s phone, for `phoneNumber`: the emulator mints its code. */
async function phoneCodeOf(handle, phoneNumber) {
  const res = await fetch(BASE + '/emulator/wx/phone-code', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(Object.assign({ user: handle, phoneNumber }, APPID ? { appid: APPID } : {})),
  });
  if (!res.ok) throw new Error('emulator answered ' + res.status);
  return (await res.json()).code;
}

/** How often the emulator's getuserphonenumber was called: WeChat charges for each. */
async function phoneExchanges() {
  const calls = await (await fetch(BASE + '/emulator/calls')).json();
  return calls.getuserphonenumber ? calls.getuserphonenumber.total : 0;
}

/** A number no other test run has bound. */
const freshNumber = () => '139' + String(Date.now() * 1000 + Math.floor(Math.random() * 1000)).slice(-8);

integration('logs in with the phone code of the getPhoneNumber button and binds the number, exchanging it once', async () => {
  const who = handle();
  const number = freshNumber();
  const { client } = phoneOf(who);
  const before = await phoneExchanges();

  const { user, isNewUser } = await client.login({ phoneCode: await phoneCodeOf(who, number) });

  assert.equal(isNewUser, true);
  assert.match(user.phoneNumber, new RegExp(number.slice(-4) + '$'));
  assert.equal((await client.get('/user/me')).data.phoneNumber, user.phoneNumber);
  assert.equal(await phoneExchanges(), before + 1);
});

integration('rejects a phone login with LoginError PHONE_IN_USE when another user of the app has the number', async () => {
  const number = freshNumber();
  const first = handle();
  await phoneOf(first).client.login({ phoneCode: await phoneCodeOf(first, number) });
  const second = handle();
  const { client, wx } = phoneOf(second);

  await assert.rejects(client.login({ phoneCode: await phoneCodeOf(second, number) }), (e) => {
    assert.ok(e instanceof LoginError);
    assert.equal(e.code, 'PHONE_IN_USE');
    assert.equal(e.statusCode, 409);
    assert.ok(e.msg);
    return true;
  });
  assert.equal(wx.storage.size, 0);
  assert.equal((await client.login()).user.phoneNumber, null, 'the failed login bound nothing');
});

integration('rejects a phone code used before with LoginError INVALID_PHONE_CODE', async () => {
  const who = handle();
  const phoneCode = await phoneCodeOf(who, freshNumber());
  const { client } = phoneOf(who);
  await client.login({ phoneCode });

  await assert.rejects(client.login({ phoneCode }), (e) => {
    assert.ok(e instanceof LoginError);
    assert.equal(e.code, 'INVALID_PHONE_CODE');
    assert.equal(e.statusCode, 400);
    return true;
  });
  assert.equal(client.isLoggedIn(), true, 'the session of the first login stays');
});

/** A resource server of the app's own, checking tokens with jose against MiniAuth's JWKS. */
async function ordersBackend(t, audience) {
  const backend = await startResourceServer({ jwksUrl: BASE + '/.well-known/jwks.json', issuer: ISSUER, audience });
  t.after(() => backend.close());
  return backend;
}

integration('a jose resource server accepts the token the client sends', async (t) => {
  const { client } = phoneOf(handle());
  const { user } = await client.login();
  const backend = await ordersBackend(t, user.appid);

  const res = await client.get(backend.url + '/orders');

  assert.equal(res.data.sub, user.id);
  assert.equal(backend.counts.refused, 0);
});

integration('after a resource server\'s Bearer invalid_token the client renews once and the retry passes', async (t) => {
  const frozen = Date.now(); // so the client never refreshes ahead of the short token lifetime
  const phone = phoneOf(handle(), { now: () => frozen, refreshAhead: 0 });
  const { user } = await phone.client.login();
  const backend = await ordersBackend(t, user.appid);
  const session = stored(phone.wx);
  const forged = session.token.slice(0, -4) + (session.token.endsWith('AAAA') ? 'BBBB' : 'AAAA');
  phone.wx.storage.set('miniauth:session', Object.assign({}, session, { token: forged }));

  const res = await phone.client.get(backend.url + '/orders');

  assert.equal(res.statusCode, 200);
  assert.equal(backend.counts.requests, 2);
  assert.equal(backend.counts.refused, 1);
  assert.equal(phone.logins(), 1, 'renewed with the refresh token, not a new wx.login');
  assert.notEqual(stored(phone.wx).token, forged);
});

integration('a token the resource server sees expired, while the client clock says fresh, is renewed and retried', async (t) => {
  const frozen = Date.now(); // the phone's clock lags: the client still thinks its token is fresh
  const phone = phoneOf(handle(), { now: () => frozen, refreshAhead: 0 });
  const { user } = await phone.client.login();
  const backend = await ordersBackend(t, user.appid);
  await new Promise((r) => setTimeout(r, TOKEN_LIFETIME_SECONDS * 1000 + 300));

  const res = await phone.client.get(backend.url + '/orders');

  assert.equal(res.statusCode, 200);
  assert.equal(backend.counts.requests, 2);
  assert.equal(phone.logins(), 1);
}, { startedHere: true });

integration('a resource server of another app refuses every token: one retry, then TOKEN_INVALID', async (t) => {
  const { client } = phoneOf(handle());
  await client.login();
  const backend = await ordersBackend(t, 'wxanotherapp00000');

  await assert.rejects(client.get(backend.url + '/orders'), (e) => {
    assert.ok(e instanceof HTTPError);
    assert.equal(e.code, 'TOKEN_INVALID');
    assert.equal(e.statusCode, 401);
    return true;
  });
  assert.equal(backend.counts.requests, 2);
});
