import './vscode-stub'; // first: makes require('vscode') the stub
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import * as vscode from 'vscode';
import { scaffoldFiles } from '../../src/core/scaffold';
import { checkPlan } from '../../src/core/engine';
import { openOnce, PLAN_STEPS, SHOWN_KEY, WALKTHROUGH_CONTEXT_KEYS, WALKTHROUGH_ID, WalkthroughContext, walkthroughFacts, walkthroughFullId, walkthroughStepId, type WalkthroughDeps } from '../../src/extension/walkthroughContext';
import { check, CLEAN_ROLLBACK, releaseWith } from './helpers';

const ROOT = join(__dirname, '..', '..');
const manifestText = readFileSync(join(ROOT, 'package.json'), 'utf8');
const manifest = JSON.parse(manifestText);
const nls = JSON.parse(readFileSync(join(ROOT, 'package.nls.json'), 'utf8')) as Record<string, string>;
const contributes = manifest.contributes as Record<string, any>;
const commandIds = new Set<string>((contributes.commands ?? []).map((c: { command: string }) => c.command));

/** The method, in order: each step's id and the command its button runs. */
const METHOD = [
  { id: 'createPlan', button: 'releasePlan.createPlan' },
  { id: 'stateProblem', button: 'releasePlan.openDashboard' },
  { id: 'assignOwners', button: 'releasePlan.assignOwner' },
  { id: 'rehearseRollback', button: 'releasePlan.startRehearsal' },
  { id: 'runGonogo', button: 'releasePlan.runGonogo' },
];

/** Every `setContext` key the extension's code sets: literal ones, and the walkthrough's constants. */
function contextKeysSetByCode(): Set<string> {
  const keys = new Set<string>(Object.values(WALKTHROUGH_CONTEXT_KEYS));
  const walk = (dir: string): string[] => readdirSync(dir).flatMap((name) => (statSync(join(dir, name)).isDirectory() ? walk(join(dir, name)) : name.endsWith('.ts') ? [join(dir, name)] : []));
  for (const file of walk(join(ROOT, 'src', 'extension'))) {
    for (const match of readFileSync(file, 'utf8').matchAll(/'setContext',\s*'([\w.]+)'/g)) keys.add(match[1] as string);
  }
  return keys;
}

/** A `%key%` manifest string in English, failing when it is not one or the key is missing. */
function english(value: unknown, where: string): string {
  assert.match(String(value), /^%[^%]+%$/, `${where} is a %key% of package.nls.json`);
  const text = nls[String(value).slice(1, -1)];
  assert.ok(text && text.trim(), `${where}: ${value} has English text in package.nls.json`);
  return text;
}

describe('Getting Started walkthrough (package.json contributes.walkthroughs)', () => {
  const walkthroughs = contributes.walkthroughs as any[];
  const walkthrough = walkthroughs?.[0];
  const steps = (walkthrough?.steps ?? []) as any[];

  it('is one walkthrough, the id the extension opens, with a localized title and description', () => {
    assert.equal(walkthroughs?.length, 1);
    assert.equal(walkthrough.id, WALKTHROUGH_ID);
    assert.equal(walkthroughFullId(`${manifest.publisher}.${manifest.name}`), `${manifest.publisher}.${manifest.name}#${WALKTHROUGH_ID}`);
    assert.equal(walkthroughStepId('a.b', 'createPlan'), `a.b#${WALKTHROUGH_ID}#createPlan`);
    english(walkthrough.title, 'title');
    english(walkthrough.description, 'description');
  });

  it('has five steps that follow the method: plan, problem, owners, rollback, go/no-go', () => {
    assert.deepEqual(steps.map((step) => step.id), METHOD.map((step) => step.id));
  });

  for (const [index, expected] of METHOD.entries()) {
    describe(`step ${index + 1}, ${expected.id}`, () => {
      const step = () => steps.find((s) => s.id === expected.id);

      it('has a title, a short description and alt text, all in package.nls.json', () => {
        english(step().title, 'title');
        const description = english(step().description, 'description');
        // Short: a few sentences and the button, not a page.
        assert.ok(description.length <= 420, `the description is ${description.length} characters`);
        english(step().media?.altText, 'media.altText');
      });

      it(`has a button (a command link alone on its line) that runs ${expected.button}, a contributed command`, () => {
        const description = english(step().description, 'description');
        const buttons = description.split('\n').map((line) => /^\[[^\]]+\]\(command:([\w.]+)\)$/.exec(line.trim())?.[1]).filter((id) => id !== undefined);
        assert.deepEqual(buttons, [expected.button]);
        assert.ok(commandIds.has(expected.button), `${expected.button} is in contributes.commands`);
        // Any other command link in the text must exist too.
        for (const link of description.matchAll(/\(command:([\w.]+)/g)) assert.ok(commandIds.has(link[1] as string), `${link[1]} is in contributes.commands`);
      });

      it('shows an SVG that exists and takes its colours from the theme (readable in light and dark)', () => {
        const path = step().media?.svg as string;
        assert.match(path, /^media\/walkthrough\/[\w-]+\.svg$/);
        assert.ok(existsSync(join(ROOT, path)), `${path} exists`);
        const svg = readFileSync(join(ROOT, path), 'utf8');
        assert.match(svg.trimStart(), /^<svg [^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"[^>]*viewBox="[\d. ]+"/);
        assert.match(svg.trimEnd(), /<\/svg>$/);
        // VS Code shows it in a webview whose CSP has no inline styles: presentation attributes only.
        assert.doesNotMatch(svg, /<style|style="/);
        assert.doesNotMatch(svg, /<script|on\w+="|href="(?!#)/, 'no scripts, handlers or outside references');
        const colours = [...svg.matchAll(/\b(fill|stroke|stop-color|color)="([^"]*)"/g)].map((m) => m[2] as string);
        assert.ok(colours.length > 0);
        const fixed = colours.filter((value) => !/^(none|currentColor|var\(--vscode-[\w-]+(, *.+)?\))$/.test(value));
        assert.deepEqual(fixed, [], 'every colour is a theme variable (a fixed colour only as its fallback), currentColor or none');
        assert.match(svg, /var\(--vscode-foreground/, 'drawn in the theme\'s foreground colour');
      });

      it('ticks itself off: completionEvents name contributed commands or context keys the extension sets', () => {
        const events = step().completionEvents as string[];
        assert.ok(Array.isArray(events) && events.length > 0);
        const keys = contextKeysSetByCode();
        for (const event of events) {
          const [, kind, value] = /^(onCommand|onContext):(.+)$/.exec(event) ?? [];
          assert.ok(kind, `${event} is onCommand: or onContext:`);
          if (kind === 'onCommand') assert.ok(commandIds.has(value as string), `${value} is in contributes.commands`);
          else assert.ok(keys.has(value as string), `the extension sets the context key ${value}`);
        }
      });
    });
  }

  it('the steps the extension ticks from the plan are steps 1-4, each also completing on the context key of its fact', () => {
    assert.deepEqual(Object.keys(PLAN_STEPS), METHOD.slice(0, 4).map((step) => step.id));
    for (const [id, fact] of Object.entries(PLAN_STEPS)) {
      const key = fact === 'hasPlan' ? 'releasePlan.hasPlan' : WALKTHROUGH_CONTEXT_KEYS[fact];
      assert.deepEqual(steps.find((s) => s.id === id).completionEvents, [`onContext:${key}`], id);
    }
  });

  it('every media file under media/walkthrough/ is used by a step', () => {
    const used = new Set(steps.map((step) => step.media?.svg));
    const files = readdirSync(join(ROOT, 'media', 'walkthrough')).map((name) => `media/walkthrough/${name}`);
    assert.deepEqual(files.filter((file) => !used.has(file)), []);
  });
});

describe('the walkthrough\'s context keys follow the plan', () => {
  it('a new plan (the template, full of TODO) has none of the facts', () => {
    const today = '2026-12-01';
    assert.deepEqual(walkthroughFacts([checkPlan(new Map([...scaffoldFiles(today)]), { today })]), { problemStated: false, allOwned: false, rollbackRehearsed: false });
  });

  it('a clean plan has all three', () => {
    assert.deepEqual(walkthroughFacts([check()]), { problemStated: true, allOwned: true, rollbackRehearsed: true });
  });

  it('problemStated: false for two sentences, a TODO placeholder or no problem at all', () => {
    for (const problem of ['Customers cannot download invoices. Admins cannot export logs.', 'TODO: the problem', '']) {
      const release = releaseWith('problem: Customers cannot download their invoices as PDF.\n', problem ? `problem: ${problem}\n` : '');
      assert.equal(walkthroughFacts([check({ 'release.yaml': release })]).problemStated, false, JSON.stringify(problem));
    }
  });

  it('allOwned: false for a team as owner, two owners, a missing owner or an unnamed role', () => {
    for (const [find, replace] of [['    owner: Bo\n', '    owner: backend team\n'], ['    owner: Cy\n', '    owner: Cy, Bo\n'], ['    owner: Cy\n', ''], ['  stop: Ana\n', '']] as const) {
      assert.equal(walkthroughFacts([check({ 'release.yaml': releaseWith(find, replace) })]).allOwned, false, `${find.trim()} → ${replace.trim() || '(removed)'}`);
    }
  });

  it('rollbackRehearsed: false without a rehearsal, with only a planned one, or without rollback.yaml', () => {
    const unrehearsed = CLEAN_ROLLBACK.replace(/rehearsals:[\s\S]*$/, 'rehearsals: []\n');
    const planned = CLEAN_ROLLBACK.replace('date: 2026-11-27', 'date: 2026-12-20');
    for (const rollback of [unrehearsed, planned, undefined]) {
      assert.equal(walkthroughFacts([check({ 'rollback.yaml': rollback })]).rollbackRehearsed, false);
    }
  });

  it('in a multi-root workspace, a fact of any folder counts', () => {
    const messy = check({ 'release.yaml': releaseWith('    owner: Bo\n', '    owner: backend team\n') });
    assert.deepEqual(walkthroughFacts([messy, check()]), { problemStated: true, allOwned: true, rollbackRehearsed: true });
    assert.equal(walkthroughFacts([messy]).allOwned, false);
    assert.deepEqual(walkthroughFacts([]), { problemStated: false, allOwned: false, rollbackRehearsed: false });
  });

  it('sets each key when its value changes, not on every check', async () => {
    const set: [string, boolean][] = [];
    let plans = [{ result: check({ 'release.yaml': releaseWith('    owner: Bo\n', '    owner: backend team\n') }) }];
    const listeners: (() => void)[] = [];
    const store = { all: () => plans, onDidChange: (listener: () => void) => (listeners.push(listener), { dispose() {} }) };
    const deps: WalkthroughDeps = { setContext: async (key, value) => void set.push([key, value]), markStepComplete: async () => undefined, folders: () => [], exists: async () => false, open: async () => assert.fail('no workspace folder: nothing to open') };
    const context = new WalkthroughContext(store as never, { extension: { id: 'x.y' }, globalState: memento() }, deps);
    assert.deepEqual(set, [['releasePlan.problemStated', true], ['releasePlan.allOwned', false], ['releasePlan.rollbackRehearsed', true]]);
    set.length = 0;
    listeners.forEach((listener) => listener()); // the same facts again
    assert.deepEqual(set, []);
    plans = [{ result: check() }];
    listeners.forEach((listener) => listener());
    assert.deepEqual(set, [['releasePlan.allOwned', true]]);
    assert.equal(await context.firstRun, false);
    context.dispose();
  });
});

describe('the extension ticks the steps the plan has done (VS Code misses a key already true when it registers the walkthrough)', () => {
  const owners = () => check({ 'release.yaml': releaseWith('    owner: Bo\n', '    owner: backend team\n') });
  const unrehearsed = () => check({ 'rollback.yaml': CLEAN_ROLLBACK.replace(/rehearsals:[\s\S]*$/, 'rehearsals: []\n') });

  function setup(plans: { result: ReturnType<typeof check> }[], refuse = () => false) {
    const marked: string[] = [];
    const listeners: (() => void)[] = [];
    const store = { all: () => plans, onDidChange: (listener: () => void) => (listeners.push(listener), { dispose() {} }) };
    const deps: WalkthroughDeps = {
      setContext: async () => undefined,
      markStepComplete: async (id) => {
        if (refuse()) throw new Error("command 'welcome.markStepComplete' not found");
        marked.push(id);
      },
      folders: () => [],
      exists: async () => false,
      open: async () => assert.fail('no workspace folder: nothing to open'),
    };
    const context = new WalkthroughContext(store as never, { extension: { id: 'x.y' }, globalState: memento() }, deps);
    const change = async (next: typeof plans) => {
      plans.splice(0, plans.length, ...next);
      listeners.forEach((listener) => listener());
      await new Promise((resolve) => setImmediate(resolve));
    };
    return { marked, context, change };
  }

  it('ticks steps 1-4 by their full id once each while their fact holds, none before there is a plan', async () => {
    const { marked, context, change } = setup([]);
    assert.deepEqual(marked, []);
    await change([{ result: owners() }]);
    assert.deepEqual(marked, ['x.y#releasePlan.gettingStarted#createPlan', 'x.y#releasePlan.gettingStarted#stateProblem', 'x.y#releasePlan.gettingStarted#rehearseRollback']);
    await change([{ result: owners() }]);
    assert.equal(marked.length, 3, 'not again while the facts hold');
    await change([{ result: check() }]);
    assert.deepEqual(marked.slice(3), ['x.y#releasePlan.gettingStarted#assignOwners']);
    context.dispose();
  });

  it('ticks a step again when its fact turns false and then true again (the user may have unticked it)', async () => {
    const { marked, context, change } = setup([{ result: check() }]);
    await change([{ result: unrehearsed() }]);
    assert.equal(marked.length, 4);
    await change([{ result: check() }]);
    assert.deepEqual(marked.slice(4), ['x.y#releasePlan.gettingStarted#rehearseRollback']);
    context.dispose();
  });

  it('a refused tick (a VS Code without the command) is tried again on the next change of the plan', async () => {
    let refuse = true;
    const { marked, context, change } = setup([{ result: check() }], () => refuse);
    await new Promise((resolve) => setImmediate(resolve));
    assert.deepEqual(marked, []);
    refuse = false;
    await change([{ result: check() }]);
    assert.equal(marked.length, 4);
    context.dispose();
  });
});

/** A Memento in memory, with globalState's setKeysForSync. */
function memento(initial: Record<string, unknown> = {}) {
  const values = new Map(Object.entries(initial));
  const synced: string[] = [];
  return {
    synced,
    keys: () => [...values.keys()],
    get: <T>(key: string, fallback?: T) => (values.has(key) ? (values.get(key) as T) : fallback),
    update: async (key: string, value: unknown) => void (value === undefined ? values.delete(key) : values.set(key, value)),
    setKeysForSync: (keys: readonly string[]) => void synced.push(...keys),
  };
}

describe('the walkthrough opens once, on the first activation in a workspace without a plan', () => {
  let dir: string;
  let opened: string[];
  const deps = (folders: string[]): WalkthroughDeps => ({
    setContext: async () => undefined,
    markStepComplete: async () => undefined,
    folders: () => folders.map((path) => ({ uri: vscode.Uri.file(path) })),
    // The real file system, as VS Code's would answer.
    exists: async (uri) => existsSync(uri.path),
    open: async (id) => void opened.push(id),
  });

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'release-plan-walkthrough-'));
    opened = [];
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('opens it in a folder without .release/, remembers that in globalState (synced), and not again', async () => {
    const state = memento();
    const host = { extension: { id: 'release-plan.release-plan' }, globalState: state };
    assert.equal(await openOnce(host, deps([dir])), true);
    assert.deepEqual(opened, ['release-plan.release-plan#releasePlan.gettingStarted']);
    assert.equal(state.get(SHOWN_KEY), true);
    assert.deepEqual(state.synced, [SHOWN_KEY]);
    assert.equal(await openOnce(host, deps([dir])), false);
    assert.equal(opened.length, 1);
  });

  it('does not open it (nor remember anything) when a folder has a plan, or in an empty window', async () => {
    const other = join(dir, 'with-plan');
    mkdirSync(join(other, '.release'), { recursive: true });
    const state = memento();
    const host = { extension: { id: 'a.b' }, globalState: state };
    assert.equal(await openOnce(host, deps([dir, other])), false, `${relative(dir, other)} has .release/`);
    assert.equal(await openOnce(host, deps([])), false);
    assert.deepEqual(opened, []);
    assert.deepEqual(state.keys(), []);
  });

  it('does not open it when it was shown before', async () => {
    assert.equal(await openOnce({ extension: { id: 'a.b' }, globalState: memento({ [SHOWN_KEY]: true }) }, deps([dir])), false);
    assert.deepEqual(opened, []);
  });
});
