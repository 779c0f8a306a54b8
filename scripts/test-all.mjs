#!/usr/bin/env node
// `npm test`: every test suite in one go — type check and core purity, unit tests (mocha, plain
// node), the dashboard webview in headless Chromium, and the integration suite inside a real
// VS Code (code-server), then the web entry in its web worker extension host. Streams each suite's own report and ends with one line that adds them up.
import { spawn } from 'node:child_process';

const steps = [
  { name: 'typecheck', command: 'npm run --silent typecheck', counts: false },
  { name: 'build', command: 'npm run --silent build', counts: false },
  { name: 'unit', command: 'npx mocha', counts: 'mocha' },
  { name: 'webview', command: 'npx mocha --config test/webview/.mocharc.json', counts: 'mocha', optional: 'test/webview/.mocharc.json' },
  { name: 'integration', command: 'node scripts/testbed/run.mjs --skip-build', counts: 'summary' },
  { name: 'web-host', command: 'node scripts/testbed/web.mjs --skip-build', counts: 'summary' },
];

const { existsSync } = await import('node:fs');
let passed = 0;
let failed = 0;
const results = [];

for (const step of steps) {
  if (step.optional && !existsSync(step.optional)) continue;
  const started = Date.now();
  console.log(`\n=== ${step.name}: ${step.command}`);
  const { code, output } = await run(step.command);
  let stepPassed = 0;
  let stepFailed = 0;
  if (step.counts === 'mocha') {
    stepPassed = Number(/(\d+) passing/.exec(output)?.[1] ?? 0);
    stepFailed = Number(/(\d+) failing/.exec(output)?.[1] ?? 0);
  } else if (step.counts === 'summary') {
    const match = [...output.matchAll(/^(\d+) passed, (\d+) failed$/gm)].pop();
    stepPassed = Number(match?.[1] ?? 0);
    stepFailed = Number(match?.[2] ?? 0);
  }
  // A step that failed without reporting a failing test still counts as one failure.
  if (code !== 0 && stepFailed === 0) stepFailed = 1;
  passed += stepPassed;
  failed += stepFailed;
  results.push(`${step.name}: ${code === 0 ? 'ok' : `FAILED (exit ${code})`}${step.counts ? `, ${stepPassed} passed, ${stepFailed} failed` : ''} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

console.log(`\n=== summary\n${results.map((line) => `  ${line}`).join('\n')}`);
console.log(`${passed} passed, ${failed} failed`);
process.exitCode = failed > 0 ? 1 : 0;

function run(command) {
  return new Promise((resolve) => {
    const child = spawn(command, { shell: true, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const forward = (stream, target) => stream.on('data', (chunk) => {
      output += chunk;
      target.write(chunk);
    });
    forward(child.stdout, process.stdout);
    forward(child.stderr, process.stderr);
    const stop = () => child.kill('SIGTERM');
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    child.on('close', (code) => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve({ code: code ?? 1, output });
    });
  });
}
