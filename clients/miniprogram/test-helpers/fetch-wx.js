'use strict';

/**
 * A `wx` shim for Node: request() goes over real HTTP with fetch, login() asks
 * `getCode()` for a code, storage is a Map. It lets the client run unchanged against
 * a local server.
 */
function createFetchWx(getCode) {
  const storage = new Map();
  return {
    storage,
    request(opts) {
      const method = opts.method || 'GET';
      const headers = Object.assign({}, opts.header);
      let body;
      if (opts.data !== undefined && method !== 'GET' && method !== 'HEAD') {
        headers['Content-Type'] = headers['Content-Type'] || 'application/json';
        body = typeof opts.data === 'string' ? opts.data : JSON.stringify(opts.data);
      }
      const signal = opts.timeout ? AbortSignal.timeout(opts.timeout) : undefined;
      fetch(opts.url, { method, headers, body, signal })
        .then(async (res) => {
          const text = await res.text();
          let data = text;
          if (/json/.test(res.headers.get('content-type') || '') && text) data = JSON.parse(text);
          opts.success({ statusCode: res.status, data, header: Object.fromEntries(res.headers) });
        })
        .catch((e) => opts.fail({ errMsg: 'request:fail ' + (e.name === 'TimeoutError' ? 'timeout' : e.message) }));
    },
    login(opts) {
      Promise.resolve()
        .then(getCode)
        .then((code) => opts.success({ code, errMsg: 'login:ok' }), (e) => opts.fail({ errMsg: 'login:fail ' + e.message }));
    },
    checkSession(opts) {
      opts.success({ errMsg: 'checkSession:ok' });
    },
    getStorageSync: (key) => (storage.has(key) ? structuredClone(storage.get(key)) : ''),
    setStorageSync: (key, value) => storage.set(key, structuredClone(value)),
    removeStorageSync: (key) => storage.delete(key),
  };
}

module.exports = { createFetchWx };
