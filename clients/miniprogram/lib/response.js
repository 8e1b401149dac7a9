'use strict';

/**
 * Reading answers the way MiniAuth writes them: 2xx for success, otherwise an
 * application/problem+json body with a stable `code` and a readable `msg`.
 */

function isSuccess(response) {
  return response.statusCode >= 200 && response.statusCode < 300;
}

function body(response) {
  let data = response.data;
  if (typeof data === 'string') {
    try {
      data = JSON.parse(data);
    } catch (e) {
      return {};
    }
  }
  return data && typeof data === 'object' && !(data instanceof ArrayBuffer) ? data : {};
}

/** Looks a header up by name whatever its case, as wx.request keeps the server's. */
function headerValue(response, name) {
  const header = response.header || {};
  const wanted = name.toLowerCase();
  for (const key of Object.keys(header)) {
    if (key.toLowerCase() === wanted) return header[key];
  }
  return undefined;
}

/**
 * Parses Retry-After (RFC 9110 §10.2.3), either delay-seconds or an HTTP date, into
 * milliseconds from `now`; undefined when absent or unreadable.
 */
function retryAfterMs(response, now) {
  const value = headerValue(response, 'Retry-After');
  if (value === undefined || value === null || value === '') return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(value);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - now);
}

/**
 * The `error` of a `WWW-Authenticate: Bearer` challenge (RFC 6750 §3), as a resource
 * server such as Spring Security or jose answers a token it refuses; undefined without one.
 */
function bearerError(response) {
  const value = headerValue(response, 'WWW-Authenticate');
  if (typeof value !== 'string' || !/^\s*Bearer\b/i.test(value)) return undefined;
  const match = /(?:^|[\s,])error\s*=\s*(?:"([^"]*)"|([^\s,]+))/i.exec(value.replace(/^\s*Bearer/i, ''));
  return match ? match[1] || match[2] : undefined;
}

/**
 * The stable code of an answer: MiniAuth's `code`, else TOKEN_INVALID for a 401 whose
 * Bearer challenge says invalid_token (RFC 6750 §3.1), else HTTP_<status>.
 */
function answerCode(response, problem) {
  if (problem.code) return problem.code;
  if (response.statusCode === 401 && bearerError(response) === 'invalid_token') return 'TOKEN_INVALID';
  return 'HTTP_' + response.statusCode;
}

/** The details every error built from an answer carries. */
function problemDetails(response, now) {
  const problem = body(response);
  const details = {
    code: answerCode(response, problem),
    msg: problem.msg || problem.detail || problem.title || 'HTTP ' + response.statusCode,
    statusCode: response.statusCode,
    response,
  };
  if (typeof problem.reason === 'string') details.reason = problem.reason;
  if (problem.until !== undefined) details.until = problem.until;
  const delay = retryAfterMs(response, now);
  if (delay !== undefined) details.retryAfter = Math.ceil(delay / 1000);
  return details;
}

module.exports = { isSuccess, body, headerValue, retryAfterMs, bearerError, problemDetails };
