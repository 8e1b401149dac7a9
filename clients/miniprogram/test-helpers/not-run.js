'use strict';

/**
 * Tests that cannot run here (no MiniAuth to test against, no TypeScript installed) are
 * skipped, but never quietly: the file says so on stderr in a line that stands out in
 * `npm test`'s output, and under CI (`CI=true`, as CI services set it) the skip fails the
 * run, so that a pipeline that lost its server cannot pass without those tests.
 */
const test = require('node:test');
const assert = require('node:assert/strict');

function inCI() {
  return /^(true|1)$/i.test(process.env.CI || '');
}

/**
 * Reports that `what` does not run, and why; under CI, adds a failing test saying so.
 * @param {string} what the tests that do not run, e.g. "the integration tests (integration.test.js)"
 * @param {string} reason why, and what to do about it
 * @param {{ requiredInCI?: boolean }} [options] `requiredInCI: false` for tests that a
 * legitimate set-up cannot run (a server of the operator's, without test settings): said
 * as loudly, but no failure
 */
function notRun(what, reason, { requiredInCI = true } = {}) {
  const line = 'NOT RUN: ' + what + ': ' + reason;
  process.stderr.write('\n' + '!'.repeat(8) + ' ' + line + '\n\n');
  if (requiredInCI && inCI()) {
    test('runs ' + what + ' under CI', () => {
      assert.fail(line + ' (CI=true: these tests must run)');
    });
  }
}

module.exports = { notRun, inCI };
