// A web-test-runner reporter that ends a failed run with a short list of what failed: each file's
// own errors (a file that did not load or start, a timeout) and each failing test with its message.
// CI keeps only the tail of a long log, and the default reporter prints failures where they happen.

export const DIGEST_START = '━━ elements: what failed ━━';

/** The test's path through its suites, and its first error line. */
function failingTests(suite, path, found) {
  for (const test of suite.tests ?? []) {
    if (!test.passed && !test.skipped) found.push({ name: [...path, test.name].join(' › '), message: test.error?.message ?? 'failed' });
  }
  for (const child of suite.suites ?? []) failingTests(child, [...path, child.name], found);
  return found;
}

function firstLine(text) {
  return String(text).split('\n')[0].slice(0, 300);
}

export function failureDigestReporter() {
  return {
    onTestRunFinished({ sessions }) {
      const lines = [];
      for (const session of sessions) {
        if (session.passed) continue;
        const file = session.testFile.startsWith(process.cwd()) ? session.testFile.slice(process.cwd().length + 1) : session.testFile;
        lines.push(file);
        for (const error of session.errors ?? []) lines.push(`  file error: ${firstLine(error.message ?? error)}`);
        const tests = session.testResults ? failingTests(session.testResults, [], []) : [];
        for (const test of tests) lines.push(`  ✖ ${test.name}: ${firstLine(test.message)}`);
        if (tests.length === 0 && !session.errors?.length) lines.push('  did not pass, with no error or failing test reported');
      }
      if (lines.length > 0) console.log(`\n${DIGEST_START}\n${lines.join('\n')}\n`);
    },
  };
}
