const auth = () => getApp().auth;

Page({
  data: { error: '' },

  // Silent login: joins the login app.js started on launch (single flight), so this
  // never costs a second wx.login. The button is only there to try again.
  onShow() {
    this.enter(() => auth().ensureLogin());
  },

  onLogin() {
    this.enter(() => auth().login());
  },

  async enter(logIn) {
    this.setData({ error: '' });
    try {
      const result = await logIn();
      if (result.isNewUser) wx.showToast({ title: 'Welcome!', icon: 'none' });
      wx.redirectTo({ url: '/pages/profile/profile' });
    } catch (e) {
      // A LoginError: e.code (INVALID_CODE, LOGIN_BLOCKED, RATE_LIMITED…) and e.msg.
      this.setData({ error: e.code + ': ' + e.msg });
    }
  },
});
