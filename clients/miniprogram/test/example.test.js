'use strict';

/**
 * The example mini program (examples/miniprogram), tapped through as a user would, in
 * WeChat's miniprogram-simulate: login → profile → save → logout, against the packaged
 * MiniAuth (MINIAUTH_SERVER_JAR) whose emulator hands out the wx.login codes.
 */
const test = require('node:test');
const assert = require('node:assert/strict');
const path = require('node:path');
const { createFetchWx } = require('../test-helpers/fetch-wx');
const { startMiniAuth } = require('../test-helpers/miniauth-process');
const { createMiniProgram } = require('../test-helpers/mini-program');
const { notRun } = require('../test-helpers/not-run');

const JAR = process.env.MINIAUTH_SERVER_JAR;
const EXAMPLE = path.resolve(__dirname, '..', '..', '..', 'examples', 'miniprogram');
const APPID = 'wxminiauthdemo0001'; // the demo app the emulator defines, as in project.config.json

const SKIP_REASON = 'MINIAUTH_SERVER_JAR is not set: ./mvnw verify builds the server and sets it';
let server;

if (!JAR) notRun('the example mini program test (example.test.js)', SKIP_REASON);

test.before(async () => {
  if (JAR) server = await startMiniAuth(JAR);
});

test.after(async () => {
  if (server) await server.stop();
});

/** A phone for `user`: real HTTP to MiniAuth, wx.login codes from its emulator, every request recorded. */
function phone(user) {
  const sent = [];
  const wx = createFetchWx(async () => {
    const res = await fetch(server.url + '/emulator/wx/login', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ user, appid: APPID }),
    });
    return (await res.json()).code;
  });
  const request = wx.request;
  wx.request = (opts) => {
    sent.push({ method: opts.method || 'GET', path: new URL(opts.url).pathname, header: opts.header || {} });
    request(opts);
  };
  return { wx, sent };
}

test('logs in, shows the profile, saves it with PUT and logs out, tapped through in miniprogram-simulate', async (t) => {
  if (!server) {
    t.skip(SKIP_REASON);
    return;
  }
  const config = require(path.join(EXAMPLE, 'config.js'));
  config.baseURL = server.url;
  config.dev.emulatorLogin = false; // wx.login itself, answered by the emulator through the test's wx
  const { wx, sent } = phone('example-' + Date.now().toString(36));
  const mp = createMiniProgram({
    root: EXAMPLE,
    wx,
    modules: { 'miniauth-miniprogram': path.resolve(__dirname, '..', 'lib', 'index.js') },
  });
  t.after(() => mp.close());

  mp.launch();
  assert.equal(mp.route(), 'pages/login/login');
  await mp.waitForRoute('pages/profile/profile');
  await waitUntil(() => mp.data().user !== null);
  const user = mp.data().user;
  assert.equal(user.appid, APPID);

  mp.type('.nickname-input', 'Ada');
  mp.type('.signature-input', 'hello from the simulator');
  mp.tap('.save-button');
  await mp.waitForToast('已保存'); // the example speaks the phone's language: Chinese by default
  assert.ok(mp.titles.includes('个人资料'), 'the profile page titles itself in Chinese: ' + JSON.stringify(mp.titles));

  assert.equal(mp.data().user.nickName, 'Ada');
  const token = [...wx.storage.values()][0].token;
  const stored = await fetch(server.url + '/user/me', { headers: { Authorization: 'Bearer ' + token } });
  assert.equal((await stored.json()).signature, 'hello from the simulator');
  const save = sent.filter((r) => r.path === '/user/me' && r.method !== 'GET');
  assert.deepEqual(save.map((r) => r.method), ['PUT']);

  mp.tap('.logout-button');
  await waitUntil(() => sent.some((r) => r.path === '/user/logout'));
  await mp.waitForRoute('pages/login/login');
  const after = await fetch(server.url + '/user/me', { headers: { Authorization: 'Bearer ' + token } });
  assert.equal(after.status, 401);
  assert.equal((await after.json()).code, 'TOKEN_REVOKED');

  // the login page logs in silently again, as the same WeChat user
  await mp.waitForRoute('pages/profile/profile');
  await waitUntil(() => mp.data().user !== null);
  assert.equal(mp.data().user.id, user.id);

  const methods = new Set(sent.map((r) => r.method));
  methods.forEach((m) => assert.ok(['OPTIONS', 'GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'TRACE', 'CONNECT'].includes(m), m));
  sent.forEach((r) => assert.doesNotMatch(r.header.Authorization || '', /undefined/));
});

/** Waits for a condition the page reaches asynchronously (an answer to arrive), checking on each tick. */
async function waitUntil(condition, timeoutMs = 60000) {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not reached within ' + timeoutMs + ' ms');
    await new Promise((r) => setTimeout(r, 20));
  }
}
