'use strict';

/**
 * index.d.ts against WeChat's official typings (miniprogram-api-typings) with `tsc --strict`:
 * test/types/usage.ts (what must and must not compile) and every TypeScript example of the
 * README, as shown. The README's JavaScript examples must at least parse as the WeChat
 * compiler sees them (CommonJS: no top-level await).
 */
const test = require('node:test');
const assert = require('node:assert/strict');
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { notRun } = require('../test-helpers/not-run');

const ROOT = path.resolve(__dirname, '..');
const TSC = path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
const NO_TSC = 'typescript is not installed: run npm ci';

if (!fs.existsSync(TSC)) notRun('the tsc --strict check of index.d.ts (types.test.js)', NO_TSC);

/** The README's fenced blocks of `lang`, each named after its first line (`// app.ts`). */
function readmeBlocks(lang) {
  const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  const blocks = [];
  const fence = new RegExp('^```' + lang + '\\n([\\s\\S]*?)^```', 'gm');
  for (let m; (m = fence.exec(readme)) !== null;) {
    const first = /^\/\/ (\S+)/.exec(m[1]);
    blocks.push({ name: first ? first[1] : null, code: m[1] });
  }
  return blocks;
}

test('the README shows TypeScript beside its JavaScript examples', () => {
  const names = readmeBlocks('ts').map((b) => b.name);
  assert.deepEqual(names, ['typings/index.d.ts', 'app.ts', 'pages/profile/profile.ts', 'pages/ended/ended.ts']);
});

test('the types and the README\'s TypeScript examples compile under tsc --strict with the official wx typings', (t) => {
  if (!fs.existsSync(TSC)) {
    t.skip(NO_TSC);
    return;
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'miniauth-types-'));
  t.after(() => fs.rmSync(dir, { recursive: true, force: true }));
  const files = [path.join(ROOT, 'test', 'types', 'usage.ts')];
  readmeBlocks('ts').forEach((block, i) => {
    const file = path.join(dir, 'readme-' + i + '-' + block.name.replace(/\//g, '-'));
    fs.writeFileSync(file, block.code);
    files.push(file);
  });
  const base = JSON.parse(fs.readFileSync(path.join(ROOT, 'test', 'types', 'tsconfig.json'), 'utf8'));
  const compilerOptions = Object.assign({}, base.compilerOptions, {
    baseUrl: ROOT,
    paths: { 'miniauth-miniprogram': ['index.d.ts'] },
    typeRoots: [path.join(ROOT, 'node_modules')],
  });
  const config = path.join(dir, 'tsconfig.json');
  fs.writeFileSync(config, JSON.stringify({ compilerOptions, files }));
  try {
    execFileSync(process.execPath, [TSC, '-p', config], { encoding: 'utf8' });
  } catch (e) {
    assert.fail('tsc --strict failed:\n' + e.stdout + e.stderr);
  }
});

test('the README\'s JavaScript files parse as CommonJS, as the WeChat compiler reads them', () => {
  const files = readmeBlocks('js').filter((b) => b.name && b.name.endsWith('.js'));
  assert.ok(files.length >= 3);
  for (const block of files) {
    try {
      new Function('require', 'module', 'exports', 'App', 'Page', 'getApp', 'wx', block.code);
    } catch (e) {
      assert.fail(block.name + ': ' + e.message);
    }
  }
});
