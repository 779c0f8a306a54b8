import { escapeData } from '../cli/formats/github';
import { runAction } from './action';

// The action's entry, bundled into action/index.js (`npm run build:action`), which action.yml runs
// with the runner's Node 24 (action.yml: node24; the bundle targets Node 20). See src/action/action.ts.
runAction({
  env: process.env,
  cwd: process.cwd(),
  now: () => new Date(),
  out: (line) => process.stdout.write(`${line}\n`),
}).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    // The last resort: one annotation, no stack. A bug here is still reported, just readably.
    const message = (error instanceof Error ? error.message : String(error)).split(/\r?\n/)[0] ?? '';
    process.stdout.write(`::error::${escapeData(`release-plan: ${message} (an unexpected failure; please report it)`)}\n`);
    process.exitCode = 2;
  },
);
