#!/usr/bin/env node
// The `ruleloom` executable. Everything that can fail is inside main(); what is left here
// (loading the modules, a closed pipe) still ends with a message, never a stack trace.

process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  // `ruleloom validate … | head` closes the pipe early: stop quietly.
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  fail(error);
});

function fail(error: unknown): void {
  const detail = error instanceof Error ? error.message : String(error);
  process.stderr.write(`ruleloom: error RL9011 ruleloom failed unexpectedly: ${detail}\n`);
  process.exitCode = 2;
}

try {
  const { main } = await import('./index.js');
  process.exitCode = await main(process.argv.slice(2));
} catch (error) {
  fail(error);
}
