'use strict';

const { retryDelay } = require('./retry-policy');
const { headerValue } = require('./response');

/**
 * Sends one logical request through the transport, retrying as the policy says.
 * Resolves with the last answer whatever its status; rejects only when no answer
 * came (NetworkError, TimeoutError).
 */
function createSender({ request, baseURL, timeout, policy, sleep, now, language }) {
  const base = (baseURL || '').replace(/\/+$/, '');

  function resolveUrl(url) {
    if (/^https?:\/\//i.test(url)) return url;
    return base + (url.charAt(0) === '/' ? url : '/' + url);
  }

  async function send(opts) {
    const method = (opts.method || 'GET').toUpperCase();
    const outgoing = {
      url: resolveUrl(opts.url),
      method,
      data: opts.data,
      header: Object.assign({}, opts.header),
      timeout: opts.timeout || timeout,
    };
    // the server answers `msg` in this language; a caller's own header wins
    if (language && headerValue({ header: outgoing.header }, 'Accept-Language') === undefined) {
      outgoing.header['Accept-Language'] = language;
    }
    for (let attempt = 1; ; attempt++) {
      let outcome;
      try {
        outcome = { response: await request(outgoing) };
      } catch (error) {
        outcome = { error };
      }
      const delay = retryDelay(policy, method, attempt, outcome, now());
      if (delay === null) {
        if (outcome.error) throw outcome.error;
        return outcome.response;
      }
      await sleep(delay);
    }
  }

  return send;
}

module.exports = { createSender };
