// `npm run bench`: how long a full check of a plan takes, next to two baselines, measured in one run.
//
//   (a) checkPlan            the engine's full check of release.yaml + rollback.yaml
//   (b) yaml.parseDocument   parsing the same release.yaml text alone, with the same `yaml` version
//   (c) yaml-language-server doValidation of the same release.yaml with our JSON Schema
//                            (what Red Hat's YAML extension does on every edit)
//
// Targets (issue 2): 50 tasks <= 5 ms; 1000 tasks <= 1.5x parseDocument and faster than
// yaml-language-server. Printed as PASS/MISS, never asserted: this is a benchmark, it exits 0.
//
// The engine is bundled from src/core/index.ts with esbuild into a temporary folder, so the bench
// measures the code as it ships (one bundle, yaml and zod inlined) without touching dist/.
//
// Options: --quick (fewer iterations, for a smoke run), --profile (run only checkPlan on the
// 1000-task plan for a while; use with `node --cpu-prof bench/check-bench.mjs --profile`).
import { build } from 'esbuild';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir, cpus, loadavg } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(root, 'package.json'));
const quick = process.argv.includes('--quick');
const profile = process.argv.includes('--profile');
const TODAY = '2026-12-01';

// ---------------------------------------------------------------------------------------------
// The engine, bundled on the fly.

async function loadEngine() {
  const dir = mkdtempSync(join(tmpdir(), 'release-plan-bench-'));
  const outfile = join(dir, 'core.cjs');
  try {
    await build({
      entryPoints: [join(root, 'src/core/index.ts')],
      outfile,
      bundle: true,
      platform: 'node',
      format: 'cjs', // like dist/cli.js
      target: 'node20',
      logLevel: 'warning',
    });
    return require(outfile);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------------------------------------
// Realistic plans: a release.yaml with comments, roles, a dry run, N tasks with the usual mix of
// statuses, kinds, risks, blockers and notes, a few parked items; and a complete rollback.yaml.

const PEOPLE = ['Ana Keller', 'Bo Lindqvist', 'Chidi Okafor', 'Dana Wu', 'Emil Novak', 'Fatima Zahra', 'Goran Petrov', 'Hana Sato', 'Ines Duarte', 'Jon Eriksen', 'Kofi Mensah', 'Lea Brandt'];
const VERBS = ['Add', 'Fix', 'Show', 'Store', 'Validate', 'Export', 'Retry', 'Log', 'Cache', 'Test', 'Document', 'Migrate'];
const THINGS = ['invoice PDF', 'payment retry', 'refund button', 'tax line', 'currency rounding', 'billing address', 'receipt e-mail', 'card expiry warning', 'dunning notice', 'credit note', 'usage report', 'plan upgrade'];
const STATUSES = ['done', 'done', 'doing', 'todo', 'todo', 'blocked'];
const KINDS = ['feature', 'feature', 'fix', 'fix', 'test', 'chore', 'ops', 'feature'];

function releaseYaml(taskCount) {
  const out = [];
  out.push(
    '# The current release. One release solves one customer problem.',
    'release: billing-v3',
    'problem: Customers cannot see why their invoice total changed after a plan upgrade.',
    'target: 2027-02-26',
    'backup: 2027-03-05',
    'freeze:',
    '  scope: 2027-02-12 # testing starts',
    '  features: 2027-02-01',
    'roles:',
    '  scope: Ana Keller',
    '  delivery: Bo Lindqvist',
    '  readiness: Chidi Okafor',
    '  stop: Ana Keller',
    'dry_run:',
    '  date: 2026-11-28',
    '  environment: staging',
    '  notes: deploy, migrate a copy of production, upgrade 50 test accounts, roll back',
    'tasks:',
  );
  for (let i = 0; i < taskCount; i++) {
    const id = `B-${i + 1}`;
    const title = `${VERBS[i % VERBS.length]} the ${THINGS[(i * 7) % THINGS.length]} for ${i % 3 === 0 ? 'business' : 'personal'} accounts`;
    out.push(`  - id: ${id}`, `    title: ${title}`, `    owner: ${PEOPLE[(i * 5) % PEOPLE.length]}`, `    status: ${STATUSES[i % STATUSES.length]}`);
    out.push(`    estimate: ${[0.5, 1, 2, 3, 1, 2][i % 6]}`);
    out.push(`    kind: ${KINDS[i % KINDS.length]}`);
    if (i % 41 === 9) {
      out.push('    risk: [migration, multi-service]', '    rollback: down migration tested on a copy of production');
    } else if (i % 17 === 3) {
      out.push('    risk: [billing]');
    }
    out.push(`    added: 2027-01-${String((i % 28) + 1).padStart(2, '0')}`);
    if (STATUSES[i % STATUSES.length] === 'blocked') {
      out.push(`    blocker: waiting for the ${THINGS[i % THINGS.length]} API from the payments provider`, `    clears: ${PEOPLE[(i * 3 + 1) % PEOPLE.length]}`);
    }
    if (i % 5 === 2) out.push(`    notes: "Ticket BILL-${1200 + i}; see the design doc, section ${1 + (i % 9)}."`);
    if (i % 10 === 0) out.push(`  # ---- ${THINGS[i % THINGS.length]} ----`);
  }
  out.push(
    'parked:',
    '  - title: Annual billing discount',
    '    reason: a second problem; next release',
    '    asked_by: Head of Sales',
    '    told: 2026-11-20',
    '  - title: Invoice themes',
    '    reason: not the problem we solve',
    '    asked_by: Design review',
    '    told: 2026-11-21',
  );
  return `${out.join('\n')}\n`;
}

const ROLLBACK_YAML = `stable:
  version: "2026.11.4"
  build: billing-web:2026.11.4
  config: config tag config-2026.11.4
  migrations: down migration 0210 restores the old totals table
  flags: turn off invoice_explanations
roles:
  decides: Ana Keller
  runs: Bo Lindqvist
  verifies: Chidi Okafor
triggers:
  - signal: HTTP 5xx on /billing
    threshold: "> 2% of requests"
    for: 5m
  - signal: invoice totals differ from the ledger
    threshold: any invoice
    for: 0m
steps:
  - Announce the rollback in the release channel.
  - Turn off invoice_explanations.
  - Deploy billing-web:2026.11.4 with config-2026.11.4.
  - Run down migration 0210.
  - Check that invoices load and totals match the ledger.
target_minutes: 15
rehearsals:
  - date: 2026-11-27
    environment: staging
    minutes: 12
    by: Bo Lindqvist
`;

// ---------------------------------------------------------------------------------------------
// yaml-language-server, configured with our schema and no network.

async function loadYamlLanguageServer(schema) {
  const { getLanguageService } = require('yaml-language-server');
  const { TextDocument } = require('vscode-languageserver-textdocument');
  const schemaUri = 'release-plan://schemas/release.schema.json';
  const requested = [];
  const service = getLanguageService({
    schemaRequestService: async (uri) => {
      requested.push(uri);
      if (uri === schemaUri) return JSON.stringify(schema);
      throw new Error(`bench: no network, refusing to fetch ${uri}`);
    },
    workspaceContext: { resolveRelativePath: (relative, resource) => new URL(relative, resource).toString() },
  });
  service.configure({ validate: true, completion: false, hover: false, schemas: [{ uri: schemaUri, fileMatch: ['**/.release/release.yaml'] }] });
  let version = 0;
  const uri = 'file:///bench/.release/release.yaml';
  // A new version per call, as after an edit: the service caches the parsed document per version.
  const validate = (text) => service.doValidation(TextDocument.create(uri, 'yaml', ++version, text), false);
  // Prove the schema is applied: a bad status must be reported.
  const probe = await validate('release: x\nproblem: y\ntarget: 2027-01-01\nbackup: 2027-01-08\ntasks:\n  - id: T1\n    title: t\n    status: nope\n');
  if (probe.length === 0 || !requested.includes(schemaUri)) throw new Error('bench: yaml-language-server did not apply the release schema');
  return validate;
}

// ---------------------------------------------------------------------------------------------
// Measuring: warm up, then interleave the three measurements round by round so that drift (GC,
// JIT, thermal) affects them alike.

function stats(samples) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return { median: at(0.5), p95: at(0.95), n: sorted.length };
}

async function measure(cases, { warmup, rounds }) {
  for (let i = 0; i < warmup; i++) for (const c of cases) await c.run();
  const samples = cases.map(() => []);
  for (let round = 0; round < rounds; round++) {
    for (let k = 0; k < cases.length; k++) {
      const start = performance.now();
      await cases[k].run();
      samples[k].push(performance.now() - start);
    }
  }
  return samples.map(stats);
}

const ms = (value) => `${value.toFixed(2)} ms`;
const pad = (text, width) => String(text).padEnd(width);
const lpad = (text, width) => String(text).padStart(width);

async function main() {
  const engine = await loadEngine();
  const YAML = require('yaml');
  const schemas = engine.jsonSchemas();
  const validateWithYls = await loadYamlLanguageServer(schemas.release);

  const sizes = [
    { tasks: 50, warmup: quick ? 20 : 100, rounds: quick ? 50 : 300 },
    { tasks: 1000, warmup: quick ? 3 : 8, rounds: quick ? 10 : 40 },
  ];

  if (profile) {
    const files = new Map([['.release/release.yaml', releaseYaml(1000)], ['.release/rollback.yaml', ROLLBACK_YAML]]);
    const until = performance.now() + 10_000;
    let runs = 0;
    while (performance.now() < until) {
      engine.checkPlan(files, { today: TODAY });
      runs++;
    }
    console.log(`profile: ${runs} checks of the 1000-task plan in 10 s`);
    return;
  }

  console.log(`Release Plan check benchmark — node ${process.version}, ${cpus()[0]?.model ?? 'unknown CPU'}, yaml ${require('yaml/package.json').version}, yaml-language-server ${require('yaml-language-server/package.json').version}${quick ? ' (quick)' : ''}`);
  console.log(`${cpus().length} CPUs, load average ${loadavg().map((l) => l.toFixed(1)).join(' ')} at start: on a busy machine absolute times grow; the ratios are fairer, since the three are measured in turn.`);
  console.log('');

  const rows = [];
  for (const size of sizes) {
    const release = releaseYaml(size.tasks);
    const files = new Map([['.release/release.yaml', release], ['.release/rollback.yaml', ROLLBACK_YAML]]);
    const findings = engine.checkPlan(files, { today: TODAY }).findings;
    const ylsDiagnostics = await validateWithYls(release);
    const cases = [
      { name: 'checkPlan (full check)', run: () => engine.checkPlan(files, { today: TODAY }) },
      { name: 'yaml.parseDocument', run: () => YAML.parseDocument(release) },
      { name: 'yaml-language-server', run: () => validateWithYls(release) },
    ];
    const results = await measure(cases, size);
    rows.push({ size, release, findings, ylsDiagnostics, cases, results });
  }

  const header = `${pad('tasks', 6)} ${pad('release.yaml', 13)} ${pad('measurement', 24)} ${lpad('median', 10)} ${lpad('p95', 10)} ${lpad('runs', 5)}  output`;
  console.log(header);
  console.log('-'.repeat(header.length + 10));
  for (const { size, release, findings, ylsDiagnostics, cases, results } of rows) {
    cases.forEach((c, k) => {
      const output = k === 0 ? `${findings.length} findings` : k === 2 ? `${ylsDiagnostics.length} diagnostics` : '';
      console.log(`${pad(size.tasks, 6)} ${pad(`${(release.length / 1024).toFixed(0)} KB`, 13)} ${pad(c.name, 24)} ${lpad(ms(results[k].median), 10)} ${lpad(ms(results[k].p95), 10)} ${lpad(results[k].n, 5)}  ${output}`);
    });
    console.log('');
  }

  const [small, large] = rows;
  const verdict = (ok) => (ok ? 'PASS' : 'MISS');
  const smallCheck = small.results[0].median;
  const [largeCheck, largeParse, largeYls] = large.results.map((r) => r.median);
  console.log('Targets (medians):');
  const smallParse = small.results[1].median;
  console.log(`  ${verdict(smallCheck <= 5)}  50 tasks: checkPlan ${ms(smallCheck)} <= 5 ms (parseDocument alone: ${ms(smallParse)}; the engine's own work on top: ${ms(smallCheck - smallParse)})`);
  console.log(`  ${verdict(largeCheck <= 1.5 * largeParse)}  1000 tasks: checkPlan ${ms(largeCheck)} <= 1.5 x parseDocument (${ms(1.5 * largeParse)}); ratio ${(largeCheck / largeParse).toFixed(2)}x`);
  console.log(`  ${verdict(largeCheck < largeYls)}  1000 tasks: checkPlan ${ms(largeCheck)} < yaml-language-server ${ms(largeYls)}; ratio ${(largeCheck / largeYls).toFixed(2)}x`);
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
