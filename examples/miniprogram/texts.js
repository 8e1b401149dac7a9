// The demo's own texts, in the language WeChat runs in: English for "en…", Chinese
// otherwise, like MiniAuth's msg (which the SDK asks for in the same language).
const TEXTS = {
  zh: {
    loginTitle: '登录',
    loginIntro: '正在用你的微信账号登录：无需密码，也无需手机号。',
    loginAgain: '重新登录',
    loggingIn: '登录中',
    welcome: '欢迎！',
    profileTitle: '个人资料',
    avatarHint: '点击图片选择头像',
    nickName: '昵称',
    nickNamePlaceholder: '你的昵称',
    signature: '个性签名',
    signaturePlaceholder: '介绍一下自己',
    save: '保存',
    saved: '已保存',
    logout: '退出登录',
    avatarUploadFailed: '头像上传失败',
  },
  en: {
    loginTitle: 'Log in',
    loginIntro: 'Logging you in with your WeChat account: no password, no phone number.',
    loginAgain: 'Log in again',
    loggingIn: 'Logging in',
    welcome: 'Welcome!',
    profileTitle: 'Profile',
    avatarHint: 'Tap the picture to choose an avatar',
    nickName: 'Nickname',
    nickNamePlaceholder: 'Your nickname',
    signature: 'Signature',
    signaturePlaceholder: 'A line about you',
    save: 'Save',
    saved: 'Saved',
    logout: 'Log out',
    avatarUploadFailed: 'The avatar could not be uploaded',
  },
};

function language() {
  try {
    return (wx.getAppBaseInfo ? wx.getAppBaseInfo() : wx.getSystemInfoSync()).language || '';
  } catch (e) {
    return '';
  }
}

module.exports = /^en/i.test(language()) ? TEXTS.en : TEXTS.zh;
