// DEV ONLY: a stand-in for wx.login when MiniAuth runs with its WeChat emulator.
// It asks the emulator to play the phone and mint a one-time code for `user`.
// Do not ship it: a released mini program must use the real wx.login.

function emulatorLoginCode(config) {
  return new Promise((resolve, reject) => {
    wx.request({
      url: config.baseURL + '/emulator/wx/login',
      method: 'POST',
      data: { user: config.dev.emulatorUser, appid: config.appid },
      success: (res) => {
        if (res.statusCode === 200 && res.data && res.data.code) resolve(res.data.code);
        else reject(new Error('emulator answered ' + res.statusCode));
      },
      fail: (err) => reject(new Error(err.errMsg)),
    });
  });
}

module.exports = { emulatorLoginCode };
