// Where the example finds MiniAuth. Change baseURL for your own server.
module.exports = {
  baseURL: 'http://localhost:8080',
  appid: 'wxminiauthdemo0001',

  // Your own upload endpoint for avatars (https, answers {"url": "https://..."}).
  // MiniAuth stores only the https URL, never the image. Empty: avatars are not saved.
  avatarUploadURL: '',

  // ---- DEV ONLY: remove before release -------------------------------------------
  // In WeChat DevTools wx.login returns real codes that MiniAuth's emulator has never
  // seen. With emulatorLogin on, the login step asks the emulator for a code instead
  // (POST /emulator/wx/login) for the user named below. Never ship this switched on.
  dev: {
    emulatorLogin: true,
    emulatorUser: 'alice',
  },
};
