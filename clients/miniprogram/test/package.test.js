'use strict';

/**
 * The package as a user gets it: what `npm pack` puts in the tarball, and WeChat
 * DevTools' "Build npm" (miniprogram-ci's packNpmManually) building it into
 * miniprogram_npm/ without a warning.
 */
const test = require('node:test');
const assert = require('node:assert/strict');
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..');
const pkg = require('../package.json');

const LIB = fs.readdirSync(path.join(ROOT, 'lib')).map((f) => 'lib/' + f);
const EXPECTED = ['LICENSE', 'README.md', 'README.zh-CN.md', 'index.d.ts', 'package.json', ...LIB].sort();

let packed;

/** Packs once for all tests of this file, into a folder of its own. */
function packOnce() {
  if (!packed) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'miniauth-pack-'));
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
    const out = execFileSync(npm, ['pack', '--json', '--pack-destination', dir], { cwd: ROOT, encoding: 'utf8' });
    const json = out.slice(out.indexOf('['));
    packed = { dir, info: JSON.parse(json)[0] };
  }
  return packed;
}

test.after(() => {
  if (packed) fs.rmSync(packed.dir, { recursive: true, force: true });
});

test('npm pack holds lib/, the types, the READMEs, the LICENSE and package.json, nothing else', () => {
  const { info } = packOnce();
  assert.deepEqual(info.files.map((f) => f.path).sort(), EXPECTED);
  assert.equal(fs.existsSync(path.join(ROOT, 'LICENSE')), false, 'postpack removes the copied LICENSE');
});

test('the package metadata names the license, the repository and no Node engine', () => {
  assert.equal(pkg.license, 'Apache-2.0');
  assert.match(fs.readFileSync(path.join(ROOT, '..', '..', 'LICENSE'), 'utf8'), /Apache License\s+Version 2\.0/);
  assert.equal(pkg.repository.type, 'git');
  assert.equal(pkg.repository.directory, 'clients/miniprogram');
  assert.equal(pkg.engines, undefined);
  assert.equal(pkg.miniprogram, 'lib');
  assert.deepEqual(Object.keys(pkg.dependencies || {}), []);
});

test('miniprogram-ci packNpmManually builds the packed tarball into miniprogram_npm without warnings', async () => {
  const { dir, info } = packOnce();
  const app = path.join(dir, 'app');
  const installed = path.join(app, 'node_modules', pkg.name);
  fs.mkdirSync(installed, { recursive: true });
  fs.mkdirSync(path.join(app, 'miniprogram'));
  execFileSync('tar', ['-xzf', path.join(dir, info.filename), '-C', installed, '--strip-components=1']);
  fs.writeFileSync(path.join(app, 'package.json'),
    JSON.stringify({ name: 'app', version: '1.0.0', dependencies: { [pkg.name]: pkg.version } }));

  const ci = require('miniprogram-ci');
  const result = await ci.packNpmManually({
    packageJsonPath: path.join(app, 'package.json'),
    miniprogramNpmDistDir: path.join(app, 'miniprogram'),
  });

  assert.deepEqual(result.warnList, []);
  assert.equal(result.miniProgramPackNum, 1);
  const built = path.join(app, 'miniprogram', 'miniprogram_npm', pkg.name);
  assert.deepEqual(fs.readdirSync(built).sort(), fs.readdirSync(path.join(ROOT, 'lib')).sort());
  assert.equal(fs.readFileSync(path.join(built, 'client.js'), 'utf8'), fs.readFileSync(path.join(ROOT, 'lib', 'client.js'), 'utf8'));
});
