const auth = () => getApp().auth;
const { uploadAvatar } = require('./avatar-upload');
const texts = require('../../texts');

Page({
  data: {
    user: null,
    avatarPreview: '',
    chosenAvatar: '',
    saving: false,
    t: texts,
  },

  onLoad() {
    wx.setNavigationBarTitle({ title: texts.profileTitle });
    this.load();
  },

  async load() {
    try {
      const { data } = await auth().get('/user/me');
      this.setData({ user: data, avatarPreview: data.avatarUrl || '' });
    } catch (e) {
      wx.showToast({ title: e.msg, icon: 'none' });
    }
  },

  // The avatar/nickname fill-in: chooseAvatar hands back a temporary local file.
  onChooseAvatar(e) {
    const path = e.detail.avatarUrl;
    this.setData({ avatarPreview: path, chosenAvatar: path });
  },

  // form-type="submit" reads the nickname after WeChat's content check on blur.
  async onSave(e) {
    const { nickName, signature } = e.detail.value;
    const change = {};
    if (nickName) change.nickName = nickName;
    change.signature = signature || null;
    this.setData({ saving: true });
    try {
      if (this.data.chosenAvatar) {
        try {
          change.avatarUrl = await uploadAvatar(this.data.chosenAvatar);
        } catch (uploadError) {
          console.warn('avatar upload:', uploadError.message);
          wx.showToast({ title: texts.avatarUploadFailed, icon: 'none' });
        }
      }
      // PUT: wx.request has no PATCH; MiniAuth's PUT /user/me changes only the fields sent.
      const { data } = await auth().put('/user/me', change);
      this.setData({ user: data, chosenAvatar: '', avatarPreview: data.avatarUrl || this.data.avatarPreview });
      wx.showToast({ title: texts.saved });
    } catch (err) {
      // An HTTPError with code INVALID_REQUEST carries the reason in msg.
      wx.showToast({ title: err.msg, icon: 'none' });
    } finally {
      this.setData({ saving: false });
    }
  },

  async onLogout() {
    try {
      await auth().logout();
    } catch (e) {
      // The local session is gone anyway; the server's refusal is only worth a note.
      console.warn('logout:', e.code, e.msg);
    }
    wx.reLaunch({ url: '/pages/login/login' });
  },
});
