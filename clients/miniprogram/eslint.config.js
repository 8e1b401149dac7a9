'use strict';

/**
 * ESLint for the SDK and the example mini program (examples/miniprogram). Paths are from
 * the repository root: `npm run lint` runs ESLint there, as the example lies outside
 * this package.
 */
const js = require('@eslint/js');
const globals = require('globals');

/** What the WeChat base library defines in a mini program, beside ES2017 and the timers. */
const miniProgram = {
  wx: 'readonly',
  App: 'readonly',
  Page: 'readonly',
  Component: 'readonly',
  Behavior: 'readonly',
  getApp: 'readonly',
  getCurrentPages: 'readonly',
  console: 'readonly',
  setTimeout: 'readonly',
  clearTimeout: 'readonly',
  setInterval: 'readonly',
  clearInterval: 'readonly',
};

module.exports = [
  {
    // miniprogram_npm/: what DevTools' "Build npm" copies into a mini program
    ignores: ['**/node_modules/**', '**/miniprogram_npm/**'],
  },
  js.configs.recommended,
  {
    files: ['clients/miniprogram/**/*.js', 'examples/miniprogram/**/*.js'],
    languageOptions: {
      ecmaVersion: 2022,
      sourceType: 'commonjs',
      globals: globals.commonjs,
    },
    linterOptions: {
      reportUnusedDisableDirectives: 'error',
    },
    rules: {
      // a catch that ignores its error says why in a comment; ES2017 has no `catch {`
      'no-unused-vars': ['error', { caughtErrors: 'none' }],
      eqeqeq: ['error', 'always', { null: 'ignore' }],
      'no-var': 'error',
      'prefer-const': 'error',
    },
  },
  {
    // the WeChat compiler adds 'use strict' to the example's files itself
    files: ['clients/miniprogram/**/*.js'],
    rules: { strict: ['error', 'global'] },
  },
  {
    // runs inside WeChat: ES2017 (the base library's baseline) and its globals, no Node
    files: ['clients/miniprogram/lib/**/*.js', 'examples/miniprogram/**/*.js'],
    languageOptions: {
      ecmaVersion: 2017,
      globals: miniProgram,
    },
  },
  {
    files: ['clients/miniprogram/test/**/*.js', 'clients/miniprogram/test-helpers/**/*.js', 'clients/miniprogram/eslint.config.js'],
    languageOptions: {
      globals: globals.node,
    },
  },
];
