'use strict';

/**
 * Runs a whole mini program (App() and its Page()s) in Node on top of WeChat's own test
 * tool, miniprogram-simulate, which only loads components. It adds what that tool lacks:
 *
 * - App/Page/getApp/getCurrentPages: a Page() definition is registered as the component
 *   WeChat would build from it, and the lifecycle runs in WeChat's order (App onLaunch,
 *   App onShow, then per page onLoad(query), onShow, onReady; onUnload when left);
 * - wx.redirectTo/reLaunch/navigateTo/navigateBack, showToast/showLoading/hideLoading,
 *   setNavigationBarTitle (the titles set, in order, are kept),
 *   recorded so a test can wait for them;
 * - tap(selector) and type(selector, text) the way a user does it, including a
 *   form-type="submit" button submitting its <form> with the values of its named inputs;
 * - a DOM from jsdom, with Node 20's own global Event and CustomEvent replaced by
 *   jsdom's, which miniprogram-simulate's events need.
 *
 * `wx` is the platform the test gives: requests, login codes, storage.
 */
const { EventEmitter } = require('node:events');
const Module = require('node:module');
const path = require('node:path');

let simulate;

function setUpDom() {
  if (simulate) return;
  const { JSDOM } = require('jsdom');
  const dom = new JSDOM('<!doctype html><html><head></head><body></body></html>');
  global.window = dom.window;
  global.document = dom.window.document;
  // Node 20 has its own global Event and CustomEvent, which jsdom's nodes refuse to dispatch
  global.Event = dom.window.Event;
  global.CustomEvent = dom.window.CustomEvent;
  simulate = require('miniprogram-simulate');
}

/**
 * @param root the mini program's folder (app.js, app.json, pages/)
 * @param wx the platform API: request, login, checkSession, the storage calls
 * @param modules npm names the mini program requires, mapped to files (what "Build npm" provides)
 */
function createMiniProgram({ root, wx, modules = {} }) {
  setUpDom();
  const events = new EventEmitter();
  const toasts = [];
  const titles = [];
  const stack = [];
  let app = null;
  let closed = false;

  /** Navigation runs a tick later, as in WeChat; none after close(). */
  const later = (fn) => setImmediate(() => {
    if (!closed) fn();
  });

  const resolveFilename = Module._resolveFilename;
  Module._resolveFilename = function (request, ...rest) {
    return Object.prototype.hasOwnProperty.call(modules, request) ? modules[request] : resolveFilename.call(this, request, ...rest);
  };

  global.App = (definition) => {
    app = definition;
  };
  global.getApp = () => app;
  global.getCurrentPages = () => stack.map((p) => p.instance);
  global.Page = (definition) => {
    const data = definition.data || {};
    const methods = {};
    for (const name of Object.keys(definition)) {
      if (typeof definition[name] === 'function') methods[name] = definition[name];
    }
    global.Component({ data, methods });
  };

  function call(instance, hook, arg) {
    if (typeof instance[hook] === 'function') instance[hook](arg);
  }

  function open(url) {
    const [route, queryString] = url.replace(/^\//, '').split('?');
    const id = simulate.load(path.join(root, route), { compiler: 'simulate', rootPath: root });
    const component = simulate.render(id);
    component.attach(global.document.createElement('parent-wrapper'));
    const page = { route, component, instance: component.instance, values: new Map() };
    stack.push(page);
    call(page.instance, 'onLoad', Object.fromEntries(new URLSearchParams(queryString || '')));
    call(page.instance, 'onShow');
    call(page.instance, 'onReady');
    events.emit('route', route);
    return page;
  }

  function leave(page) {
    call(page.instance, 'onUnload');
    page.component.detach();
  }

  const done = (opts, result) => {
    if (opts && opts.success) opts.success(result || { errMsg: 'ok' });
    if (opts && opts.complete) opts.complete(result || { errMsg: 'ok' });
  };

  global.wx = Object.assign({}, wx, {
    redirectTo(opts) {
      later(() => {
        leave(stack.pop());
        open(opts.url);
        done(opts);
      });
    },
    reLaunch(opts) {
      later(() => {
        while (stack.length) leave(stack.pop());
        open(opts.url);
        done(opts);
      });
    },
    navigateTo(opts) {
      later(() => {
        call(stack[stack.length - 1].instance, 'onHide');
        open(opts.url);
        done(opts);
      });
    },
    navigateBack(opts) {
      later(() => {
        leave(stack.pop());
        call(stack[stack.length - 1].instance, 'onShow');
        events.emit('route', stack[stack.length - 1].route);
        done(opts);
      });
    },
    showToast(opts) {
      toasts.push(opts.title);
      events.emit('toast', opts.title);
      done(opts);
    },
    showLoading: (opts) => done(opts),
    hideLoading: (opts) => done(opts),
    setNavigationBarTitle(opts) {
      titles.push(opts.title);
      done(opts);
    },
  });

  /** Resolves once `test(value)` holds for an event of `name` (or already held). */
  function waitFor(name, test, already, timeoutMs = 60000) {
    if (already && already()) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        events.off(name, listener);
        reject(new Error('no ' + name + ' matching within ' + timeoutMs + ' ms; toasts: ' + JSON.stringify(toasts)));
      }, timeoutMs);
      function listener(value) {
        if (!test(value)) return;
        clearTimeout(timer);
        events.off(name, listener);
        resolve();
      }
      events.on(name, listener);
    });
  }

  const current = () => stack[stack.length - 1];

  function find(selector) {
    const found = current().component.querySelector(selector);
    if (!found) throw new Error('nothing matches ' + selector + ' on ' + current().route);
    return found;
  }

  /** The attributes WXML gave a node, evaluated against the page's data. */
  function attributes(node) {
    const vt = node._exparserNode._vt;
    return Object.fromEntries((vt.attrs || []).map((a) => [a.name, a.value]));
  }

  function formValues(form, page) {
    const value = {};
    (function walk(vt) {
      (vt.children || []).forEach((child) => {
        const attrs = Object.fromEntries((child.attrs || []).map((a) => [a.name, a.value]));
        if ((child.tagName === 'input' || child.tagName === 'textarea') && attrs.name) {
          const typed = page.values.get(attrs.class);
          value[attrs.name] = typed !== undefined ? typed : attrs.value === undefined ? '' : String(attrs.value);
        }
        walk(child);
      });
    })(form._exparserNode._vt);
    return value;
  }

  return {
    /** App onLaunch and onShow, then the first page of app.json. */
    launch(options = { path: '', query: {}, scene: 1001 }) {
      require(path.join(root, 'app.js'));
      call(app, 'onLaunch', options);
      call(app, 'onShow', options);
      return open(require(path.join(root, 'app.json')).pages[0]);
    },
    route: () => current().route,
    data: () => current().instance.data,
    toasts,
    titles,
    waitForRoute: (route) => waitFor('route', (r) => r === route, () => stack.length > 0 && current().route === route),
    waitForToast: (title) => waitFor('toast', (t) => t === title),
    /** Types into an input, as the user does; the page sees it when its form is submitted. */
    type(selector, text) {
      find(selector);
      current().values.set(selector.replace(/^\./, ''), text);
    },
    /** Taps a control: its bindtap, or for form-type="submit" its form's bindsubmit. */
    tap(selector) {
      const node = find(selector);
      if (attributes(node)['form-type'] === 'submit') {
        const formDom = [...current().component.dom.querySelectorAll('wx-form')].find((f) => f.contains(node.dom));
        if (!formDom) throw new Error(selector + ' submits no form');
        const formClass = [...formDom.classList][0].replace(/^main--/, '');
        const wrapper = find('.' + formClass);
        wrapper.dispatchEvent('submit', { detail: { value: formValues(wrapper, current()), target: {} } });
        return;
      }
      node.dispatchEvent('tap');
    },
    close() {
      closed = true;
      while (stack.length) leave(stack.pop());
      Module._resolveFilename = resolveFilename;
    },
  };
}

module.exports = { createMiniProgram };
