// chooseAvatar gives a temporary local file. It must go to YOUR OWN server, which
// answers with an https URL; MiniAuth does not store images, it only keeps the URL.
// This example shows where that happens; point config.avatarUploadURL at your server.
const config = require('../../config');

function uploadAvatar(tempFilePath) {
  if (!config.avatarUploadURL) {
    return Promise.reject(new Error('No avatar upload server configured (config.avatarUploadURL)'));
  }
  return new Promise((resolve, reject) => {
    wx.uploadFile({
      url: config.avatarUploadURL,
      filePath: tempFilePath,
      name: 'avatar',
      success: (res) => {
        // res.data is the body as text. Settle the promise whatever it holds: a throw
        // here would never reach it and would leave the page saving forever.
        let url;
        try {
          url = res.statusCode === 200 ? (JSON.parse(res.data) || {}).url : undefined;
        } catch (e) {
          reject(new Error('Upload answered ' + res.statusCode + ' with a body that is not JSON'));
          return;
        }
        if (typeof url === 'string' && /^https:\/\//.test(url)) resolve(url);
        else reject(new Error('Upload answered ' + res.statusCode + ' without an https URL'));
      },
      fail: (err) => reject(new Error(err.errMsg)),
    });
  });
}

module.exports = { uploadAvatar };
