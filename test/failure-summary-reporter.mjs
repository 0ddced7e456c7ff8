// A node:test reporter that prints nothing while tests run and, at the end, one block naming every failed test
// with its file, line and error. The TAP stream above it can be long; a log cut to its last lines (as CI keeps
// them) still says which test failed and why.

const MAX_ERROR_LINES = 12;

function errorText(error) {
  if (error === undefined || error === null) return 'no error recorded';
  // node:test wraps the thrown value: the assertion (or the timeout) is its cause.
  const cause = error.cause ?? error;
  const text = cause instanceof Error ? (cause.stack ?? cause.message) : String(cause);
  const lines = text.split('\n');
  const shown = lines.slice(0, MAX_ERROR_LINES);
  if (lines.length > shown.length) shown.push(`... ${lines.length - shown.length} more lines`);
  return shown.join('\n');
}

function isLeafFailure(data) {
  // A suite fails when a test in it fails; the test is the one worth naming. A suite's own failure (a hook that
  // threw) has no failed child and is kept.
  return data.details?.type !== 'suite' || data.details?.error?.failureType !== 'subtestsFailed';
}

export default async function* failureSummary(source) {
  const failures = [];
  // The names of the tests running at each nesting level, per file, to name a failure with its suites.
  const openNames = new Map();
  for await (const event of source) {
    if (event.type === 'test:start') {
      const names = openNames.get(event.data.file) ?? [];
      names.length = event.data.nesting;
      names.push(event.data.name);
      openNames.set(event.data.file, names);
      continue;
    }
    if (event.type !== 'test:fail') continue;
    if (!isLeafFailure(event.data)) continue;
    // A todo test is allowed to fail; the runner does not count it as a failure.
    if (event.data.todo !== undefined && event.data.todo !== false) continue;
    const parents = (openNames.get(event.data.file) ?? []).slice(0, event.data.nesting);
    failures.push({ ...event.data, path: [...parents, event.data.name].join(' > ') });
  }
  if (failures.length === 0) return;
  const out = ['', `# ---- ${failures.length} failed test(s) ----`];
  for (const failure of failures) {
    out.push(`# FAILED: ${failure.path}`, `#   in ${failure.file ?? 'unknown file'}`);
    for (const line of errorText(failure.details?.error).split('\n')) out.push(`#   ${line}`);
  }
  out.push('# ---- end of failed tests ----', '');
  yield out.join('\n');
}
