'use strict';

/**
 * Starts the packaged MiniAuth (java -jar) with its WeChat emulator on a free loopback
 * port and a fresh data directory, and stops it again. The Maven build passes the jar's
 * path in MINIAUTH_SERVER_JAR.
 */
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const net = require('node:net');
const os = require('node:os');
const path = require('node:path');

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

async function startMiniAuth(jar, args = []) {
  const port = await freePort();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'miniauth-sdk-'));
  const child = spawn('java', ['-jar', jar, '--server.port=' + port, '--server.address=127.0.0.1',
    '--miniauth.data-dir=' + dataDir, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk) => { output += chunk; });
  child.stderr.on('data', (chunk) => { output += chunk; });
  const url = 'http://127.0.0.1:' + port;
  const deadline = Date.now() + 180000; // a shared CI machine can take minutes
  for (;;) {
    if (child.exitCode !== null) throw new Error('MiniAuth exited during start:\n' + output);
    try {
      const res = await fetch(url + '/actuator/health');
      if (res.ok) break;
    } catch (e) {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill();
      throw new Error('MiniAuth did not start within 180 s:\n' + output);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    url,
    stop() {
      return new Promise((resolve) => {
        child.once('exit', () => {
          fs.rmSync(dataDir, { recursive: true, force: true });
          resolve();
        });
        child.kill();
      });
    },
  };
}

module.exports = { startMiniAuth };
