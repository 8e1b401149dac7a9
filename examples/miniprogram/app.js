const { createAuthClient } = require('miniauth-miniprogram');
const config = require('./config');
const texts = require('./texts');
const { emulatorLoginCode } = require('./dev/emulator-login');

// One client for the whole app: it owns the session and the single-flight login.
// Pages reach it with getApp().auth.
const auth = createAuthClient({
  baseURL: config.baseURL,
  appid: config.appid,
  ui: {
    loading: (on) => (on ? wx.showLoading({ title: texts.loggingIn, mask: true }) : wx.hideLoading()),
    toast: (msg) => wx.showToast({ title: msg, icon: 'none' }),
  },
  onLoginStateChange: ({ loggedIn }) => console.log('MiniAuth session:', loggedIn ? 'logged in' : 'logged out'),
  // DEV ONLY: see config.js. Without it the client calls wx.login.
  getLoginCode: config.dev.emulatorLogin ? () => emulatorLoginCode(config) : undefined,
});

App({
  auth,

  onLaunch() {
    // A stale WeChat session can mean another WeChat account on this phone: log in
    // again so the stored token belongs to the current user. Errors are toasted by ui.
    auth.checkSession().then((fresh) => {
      if (!fresh || !auth.isLoggedIn()) auth.login().catch(() => {});
    });
  },
});
