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
        const url = res.statusCode === 200 ? JSON.parse(res.data).url : '';
        if (/^https:\/\//.test(url)) resolve(url);
        else reject(new Error('Upload answered ' + res.statusCode + ' without an https URL'));
      },
      fail: (err) => reject(new Error(err.errMsg)),
    });
  });
}

module.exports = { uploadAvatar };
