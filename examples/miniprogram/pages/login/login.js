const auth = () => getApp().auth;
const texts = require('../../texts');

Page({
  data: { error: '', t: texts },

  onLoad() {
    wx.setNavigationBarTitle({ title: texts.loginTitle });
  },

  // Silent login: joins the login app.js started on launch (single flight), so this
  // never costs a second wx.login. ensureLogin resolves { user } only: it does not say
  // whether the login created the user.
  onShow() {
    this.enter(() => auth().ensureLogin());
  },

  // The button is only there to try again. login() resolves { user, isNewUser }.
  onLogin() {
    this.enter(async () => {
      const { isNewUser } = await auth().login();
      if (isNewUser) wx.showToast({ title: texts.welcome, icon: 'none' });
    });
  },

  async enter(logIn) {
    this.setData({ error: '' });
    try {
      await logIn();
      wx.redirectTo({ url: '/pages/profile/profile' });
    } catch (e) {
      // A LoginError: e.code (INVALID_CODE, LOGIN_BLOCKED, RATE_LIMITED…) is for the
      // program, e.msg (in the person's language) for the person.
      console.warn('login:', e.code);
      this.setData({ error: e.msg });
    }
  },
});
