'use strict';

const { NetworkError, TimeoutError, LoginError } = require('./errors');
const { appLanguage, languageTag, clientMessage } = require('./language');

/**
 * Turns the callback-style wx APIs into what the core needs: request(opts) → Promise,
 * getLoginCode() → Promise<code>, checkSession() → Promise<boolean> and a
 * get/set/remove storage. The core never touches `wx` itself.
 */
function createWxAdapter(wx, language) {
  if (!wx) throw new TypeError('wx cannot be null: pass options.wx outside a mini program');
  const tag = languageTag(language || appLanguage(wx));

  function request(opts) {
    return new Promise((resolve, reject) => {
      wx.request({
        url: opts.url,
        method: opts.method,
        data: opts.data,
        header: opts.header,
        timeout: opts.timeout,
        dataType: 'json',
        success: (res) => resolve({ statusCode: res.statusCode, data: res.data, header: res.header || {} }),
        fail: (err) => reject(transportError(err, opts, tag)),
      });
    });
  }

  function getLoginCode() {
    return new Promise((resolve, reject) => {
      wx.login({
        success: (res) => {
          if (res && res.code) resolve(res.code);
          else reject(wxLoginError(res, tag));
        },
        fail: (err) => reject(wxLoginError(err, tag)),
      });
    });
  }

  function checkSession() {
    return new Promise((resolve) => {
      wx.checkSession({ success: () => resolve(true), fail: () => resolve(false) });
    });
  }

  const storage = {
    get: (key) => wx.getStorageSync(key) || null,
    set: (key, value) => wx.setStorageSync(key, value),
    remove: (key) => wx.removeStorageSync(key),
  };

  return { request, getLoginCode, checkSession, storage };
}

/** The message (for developers) keeps wx's errMsg; `msg` (for the person) is in their language. */
function transportError(err, opts, tag) {
  const errMsg = (err && err.errMsg) || 'request:fail';
  const where = (opts.method || 'GET') + ' ' + opts.url;
  if (/timeout/i.test(errMsg)) {
    return new TimeoutError('Timed out: ' + where + ' (' + errMsg + ')', { msg: clientMessage(tag, 'TIMEOUT'), cause: err });
  }
  return new NetworkError('No answer: ' + where + ' (' + errMsg + ')', { msg: clientMessage(tag, 'NETWORK_ERROR'), cause: err });
}

function wxLoginError(err, tag) {
  const errMsg = (err && err.errMsg) || 'login:fail';
  return new LoginError('wx.login failed: ' + errMsg, {
    code: 'WX_LOGIN_FAILED',
    msg: clientMessage(tag, 'WX_LOGIN_FAILED'),
    cause: err,
  });
}

module.exports = { createWxAdapter };
