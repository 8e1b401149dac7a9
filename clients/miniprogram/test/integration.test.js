'use strict';

/**
 * The real flow against a running MiniAuth with its WeChat emulator. Set MINIAUTH_URL
 * (and MINIAUTH_APPID when the server hosts more than one app) to run it.
 */
const test = require('node:test');
const assert = require('node:assert/strict');
const { createAuthClient } = require('..');
const { createFetchWx } = require('../test-helpers/fetch-wx');

const BASE = process.env.MINIAUTH_URL;
const APPID = process.env.MINIAUTH_APPID || undefined;
const SKIP_REASON = 'MINIAUTH_URL is not set: start MiniAuth with its emulator and set MINIAUTH_URL to run against it';

/** A phone for `handle`: wx.login asks the emulator for a fresh one-time code. */
function phoneOf(handle) {
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
  const client = createAuthClient({ baseURL: BASE, appid: APPID, wx });
  return { wx, client, logins: () => logins };
}

function integration(title, fn) {
  test(title, async (t) => {
    if (!BASE) {
      t.skip(SKIP_REASON);
      return;
    }
    await fn(t);
  });
}

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
  const patched = await client.patch('/user/me', profile);
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
