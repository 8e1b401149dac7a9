'use strict';

/**
 * The mini program's language: sent to MiniAuth as Accept-Language, so that the server's
 * `msg` comes in it, and used for the SDK's own messages (no network, timeout, wx.login
 * failure), which are bilingual the same way: English for "en…", Chinese otherwise, as
 * the server defaults to Chinese.
 */

const DEFAULT_LANGUAGE = 'zh-CN';

const MESSAGES = {
  zh: {
    NETWORK_ERROR: '网络连接失败，请检查网络后重试',
    TIMEOUT: '请求超时，请稍后重试',
    WX_LOGIN_FAILED: '微信登录失败，请稍后重试',
  },
  en: {
    NETWORK_ERROR: 'No connection: check the network and try again',
    TIMEOUT: 'The request timed out: please try again',
    WX_LOGIN_FAILED: 'WeChat login failed: please try again',
  },
};

/**
 * The language WeChat runs in ("zh_CN", "en", "zh_TW"...): wx.getAppBaseInfo() from base
 * library 2.20.1, else the older wx.getSystemInfoSync(); undefined when neither says.
 */
function appLanguage(wx) {
  if (!wx) return undefined;
  const readers = [() => wx.getAppBaseInfo().language, () => wx.getSystemInfoSync().language];
  for (const read of readers) {
    try {
      const language = read();
      if (typeof language === 'string' && language) return language;
    } catch (e) {
      // the API is missing on this base library or in this environment: try the next
    }
  }
  return undefined;
}

/** A language as an Accept-Language tag: WeChat's "zh_CN" becomes "zh-CN"; none gives zh-CN. */
function languageTag(language) {
  if (typeof language !== 'string' || !language.trim()) return DEFAULT_LANGUAGE;
  return language.trim().replace(/_/g, '-');
}

/** The SDK's own message for `code` in the language of `tag`. */
function clientMessage(tag, code) {
  const messages = /^en(-|$)/i.test(tag || '') ? MESSAGES.en : MESSAGES.zh;
  return messages[code];
}

module.exports = { DEFAULT_LANGUAGE, appLanguage, languageTag, clientMessage };
