'use strict';

const { retryAfterMs } = require('./response');
const { NetworkError } = require('./errors');

/**
 * The retry policy is data, as in ky: which methods, which statuses, how many times
 * and how long to wait. Only idempotent methods are retried, so a POST is never sent
 * twice by the client.
 */
const DEFAULT_RETRY = Object.freeze({
  limit: 2,
  methods: Object.freeze(['GET', 'HEAD', 'PUT', 'DELETE', 'OPTIONS']),
  statusCodes: Object.freeze([429, 503]),
  afterStatusCodes: Object.freeze([429, 503]),
  maxRetryAfter: Infinity,
  backoffLimit: 10000,
  delay: (attempt) => 0.3 * Math.pow(2, attempt - 1) * 1000,
  jitter: false,
});

/** Accepts a number (the limit) or a partial policy object. */
function retryPolicy(option) {
  if (option === undefined || option === null) return DEFAULT_RETRY;
  if (typeof option === 'number') return Object.assign({}, DEFAULT_RETRY, { limit: option });
  return Object.assign({}, DEFAULT_RETRY, option);
}

function backoff(policy, attempt) {
  const base = Math.min(policy.backoffLimit, policy.delay(attempt));
  if (policy.jitter === true) return Math.random() * base;
  if (typeof policy.jitter === 'function') return policy.jitter(base);
  return base;
}

/**
 * How long to wait before retry number `attempt` (1-based), or null for "do not
 * retry". `outcome` is either { response } or { error }.
 */
function retryDelay(policy, method, attempt, outcome, now) {
  if (attempt > policy.limit) return null;
  if (policy.methods.indexOf(method) === -1) return null;
  if (outcome.error) {
    return outcome.error instanceof NetworkError ? backoff(policy, attempt) : null;
  }
  const status = outcome.response.statusCode;
  if (policy.statusCodes.indexOf(status) === -1) return null;
  if (policy.afterStatusCodes.indexOf(status) !== -1) {
    const after = retryAfterMs(outcome.response, now);
    if (after !== undefined) return after > policy.maxRetryAfter ? null : after;
  }
  return backoff(policy, attempt);
}

module.exports = { DEFAULT_RETRY, retryPolicy, retryDelay };
