'use strict';

const { createAuthClient } = require('./client');
const { createWxAdapter } = require('./wx-adapter');
const { DEFAULT_RETRY } = require('./retry-policy');
const { DEFAULT_STORAGE_KEY } = require('./session-store');
const errors = require('./errors');

module.exports = Object.assign(
  { createAuthClient, createWxAdapter, DEFAULT_RETRY, DEFAULT_STORAGE_KEY },
  errors,
);
