'use strict';

/**
 * Reading answers the way MiniAuth writes them: 2xx for success, otherwise an
 * application/problem+json body with a stable `code` and a readable `msg`.
 */

function isSuccess(response) {
  return response.statusCode >= 200 && response.statusCode < 300;
}

function body(response) {
  const data = response.data;
  if (typeof data !== 'string') return data || {};
  try {
    return JSON.parse(data);
  } catch (e) {
    return {};
  }
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

/** The details every error built from an answer carries. */
function problemDetails(response, now) {
  const problem = body(response);
  const details = {
    code: problem.code || 'HTTP_' + response.statusCode,
    msg: problem.msg || problem.detail || problem.title || 'HTTP ' + response.statusCode,
    statusCode: response.statusCode,
    response,
  };
  const delay = retryAfterMs(response, now);
  if (delay !== undefined) details.retryAfter = Math.ceil(delay / 1000);
  return details;
}

module.exports = { isSuccess, body, headerValue, retryAfterMs, problemDetails };
