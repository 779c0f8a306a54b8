import assert from 'node:assert/strict';
import { checkPlan } from '../../src/core/engine';
import { render } from '../../src/core/message';
import { closeCheck, historyFolderName, parkedCandidates, nextDateProblem, nextNameProblem, planNext, suggestNextName, type NextOptions, type NextPlan } from '../../src/core/next';
import { parseDocument } from 'yaml';
import { loadPlan } from '../../src/core/plan';
import type { Release } from '../../src/core/schemas';
import type { Loose } from '../../src/core/validate';
import { assertComposed } from './composed';
import { CLEAN_CHECKIN, CLEAN_CHECKIN_FILE, CLEAN_RELEASE, CLEAN_ROLLBACK, covered, files, HOSTILE_TEXTS, releaseWith, single } from './helpers';

/** The clean release, shipped 1.5.0 on its target day. */
const SHIPPED_RELEASE = `${CLEAN_RELEASE}shipped:\n  date: 2026-12-18\n  outcome: shipped\n  version: 1.5.0\n`;
const CLOSE_DAY = '2026-12-21';
const OPTIONS: NextOptions = { name: 'invoices-v2', target: '2027-01-29', backup: '2027-02-05', today: CLOSE_DAY };

function plan(entries: Record<string, string | undefined> = {}, options: Partial<NextOptions> = {}) {
  return planNext(files({ 'release.yaml': SHIPPED_RELEASE, ...entries }), { ...OPTIONS, ...options });
}

function planned(entries: Record<string, string | undefined> = {}, options: Partial<NextOptions> = {}): NextPlan {
  const result = plan(entries, options);
  if (!result.ok) throw new Error(`refused: ${render(result.reason)}`);
  return result;
}

function refusal(entries: Record<string, string | undefined> = {}, options: Partial<NextOptions> = {}): string {
  const result = plan(entries, options);
  if (result.ok) throw new Error('expected a refusal');
  return render(result.reason);
}

/** The plan files after the moves and creates, as a reader would see them. */
function carriedOut(before: Map<string, string>, next: NextPlan): Map<string, string> {
  const after = new Map<string, string>();
  for (const [path, text] of before) {
    const move = next.moves.find((m) => path === m.from || path.startsWith(`${m.from}/`));
    after.set(move ? move.to + path.slice(move.from.length) : path, text);
  }
  for (const create of next.creates) {
    assert.equal(after.has(create.path), false, `${create.path} would be overwritten`);
    after.set(create.path, create.text);
  }
  return after;
}

const NEW_RELEASE = `# Started from invoices-v1 on 2026-12-21 (Close Release and Start Next); invoices-v1 is in .release/history/invoices-v1/.
release: invoices-v2
# One sentence, from the customer's side, e.g. "Customers cannot export their invoices as PDF."
problem: "TODO: the one customer problem this release solves, in one sentence"
target: 2027-01-29
backup: 2027-02-05
# freeze: set scope (the day testing starts) and features (no new features after it) when testing starts.
# The same people as in invoices-v1; change them here if the rhythm changes.
roles:
  scope: Ana
  delivery: Bo
  readiness: Cy
  stop: Ana
# Work parked in invoices-v1, as candidates: each needs one owner (or park it again).
tasks:
  - id: C1
    title: CSV export
    status: todo
    added: 2026-12-21
    notes: "Parked in invoices-v1. Reason: not the problem we solve. Asked by Dee. Give it one owner, or park it again."
parked: []
`;

const NEW_ROLLBACK = CLEAN_ROLLBACK.replace('version: "1.4.2"', 'version: 1.5.0').replace(/rehearsals:\n[\s\S]*$/, 'rehearsals: []\n');

describe('Close Release and Start Next (core planNext)', () => {
  it('moves the release, its runbook, review and records into history/<name>/ and writes the next release and runbook', () => {
    const next = planned({ 'review.yaml': 'went_well: [fast]\n', 'gonogo/2026-12-17.yaml': 'decided_by: Ana\n', 'team.yaml': 'people: []\n', 'config.yaml': 'limits: {}\n' });
    assert.equal(next.closed, 'invoices-v1');
    assert.equal(next.historyDir, '.release/history/invoices-v1');
    assert.deepEqual(next.moves, [
      { from: '.release/release.yaml', to: '.release/history/invoices-v1/release.yaml' },
      { from: '.release/rollback.yaml', to: '.release/history/invoices-v1/rollback.yaml' },
      { from: '.release/review.yaml', to: '.release/history/invoices-v1/review.yaml' },
      { from: '.release/checkins', to: '.release/history/invoices-v1/checkins' },
      { from: '.release/gonogo', to: '.release/history/invoices-v1/gonogo' },
    ]);
    assert.deepEqual(next.creates, [
      { path: '.release/release.yaml', text: NEW_RELEASE },
      { path: '.release/rollback.yaml', text: NEW_ROLLBACK },
    ]);
    assert.deepEqual([...next.basis], [
      ['.release/release.yaml', SHIPPED_RELEASE],
      ['.release/rollback.yaml', CLEAN_ROLLBACK],
      ['.release/review.yaml', 'went_well: [fast]\n'],
      [`.release/${CLEAN_CHECKIN_FILE}`, CLEAN_CHECKIN],
      ['.release/gonogo/2026-12-17.yaml', 'decided_by: Ana\n'],
    ]);
  });

  it('after it, the history is read and never flagged; the candidate task has no owner until one is assigned; the runbook must be rehearsed again', () => {
    const before = files({ 'release.yaml': SHIPPED_RELEASE });
    const after = carriedOut(before, planned());
    assert.deepEqual([...after.keys()].sort(), [
      '.release/history/invoices-v1/checkins/2026-11-30.yaml',
      '.release/history/invoices-v1/release.yaml',
      '.release/history/invoices-v1/rollback.yaml',
      '.release/release.yaml',
      '.release/rollback.yaml',
    ]);
    const result = checkPlan(after, { today: CLOSE_DAY });
    assertComposed(result.findings, after);
    assert.deepEqual(result.findings.filter((f) => f.file.startsWith('.release/history/')), []);
    assert.deepEqual(result.plan.history.map((past) => [past.name, past.release?.data.release]), [['invoices-v1', 'invoices-v1']]);
    const owner = single(result, 'owner-missing');
    assert.equal(owner.file, '.release/release.yaml');
    assert.deepEqual(owner.path, ['tasks', 0, 'owner']);
    assert.equal(covered(NEW_RELEASE, owner), 'id: C1');
    const problem = single(result, 'problem-missing');
    assert.equal(covered(NEW_RELEASE, problem), '"TODO: the one customer problem this release solves, in one sentence"');
    assert.equal(single(result, 'rollback-not-rehearsed').file, '.release/rollback.yaml');
    // Nothing of the closed release is checked as the current plan: no launch watch, no shipped record.
    assert.deepEqual(result.findings.filter((f) => ['launch-watch', 'parked-not-told', 'rollback-no-stable', 'date-backup-missing'].includes(f.code)), []);
    assert.equal(loadPlan(after).release?.data.shipped, undefined);
  });

  it('without --backup the new release says to add one; a rolled-back release keeps the old stable version', () => {
    const rolled = releaseWith('parked:', 'parked:', SHIPPED_RELEASE).replace('outcome: shipped', 'outcome: rolled-back');
    const next = planned({ 'release.yaml': rolled }, { backup: undefined });
    const release = next.creates[0]?.text ?? '';
    assert.equal(release, NEW_RELEASE.replace('backup: 2027-02-05\n', '# backup: YYYY-MM-DD, a backup date after the target (date-backup-missing until it is set)\n'));
    assert.equal(next.creates[1]?.text, CLEAN_ROLLBACK.replace(/rehearsals:\n[\s\S]*$/, 'rehearsals: []\n'));
    const after = carriedOut(files({ 'release.yaml': rolled }), next);
    const result = checkPlan(after, { today: CLOSE_DAY });
    assert.equal(covered(release, single(result, 'date-backup-missing')), 'target');
  });

  it('a launch with no version recorded leaves a placeholder stable version (flagged), keeping comments and other fields', () => {
    const noVersion = SHIPPED_RELEASE.replace('  version: 1.5.0\n', '');
    const rollback = `# How to get back.\nstable:\n  version: "1.4.2" # the last good one\n  build: app-1.4.2.tgz\n${CLEAN_ROLLBACK.replace(/^stable:\n.*\n/, '')}# end\n`;
    const next = planned({ 'release.yaml': noVersion, 'rollback.yaml': rollback });
    const text = next.creates[1]?.text ?? '';
    assert.equal(text, rollback.replace('"1.4.2" # the last', '"TODO: the version invoices-v1 shipped as" # the last').replace(/rehearsals:\n[\s\S]*# end\n$/, 'rehearsals: []\n# end\n'));
    const result = checkPlan(carriedOut(files({ 'release.yaml': noVersion, 'rollback.yaml': rollback }), next), { today: CLOSE_DAY });
    assert.equal(covered(text, single(result, 'rollback-no-stable')), '"TODO: the version invoices-v1 shipped as"');
  });

  it('no rollback.yaml: none is written; no parked items: an empty task list; roles kept as written, rescue: and freeze: not carried over', () => {
    let release = releaseWith('parked:\n  - title: CSV export\n    reason: not the problem we solve\n    asked_by: Dee\n    told: 2026-11-29\n', 'rescue: true\n', SHIPPED_RELEASE);
    release = release.replace('  stop: Ana\n', '  stop: [Ana, Bo]\n').replace('  readiness: Cy\n', '');
    const next = planned({ 'release.yaml': release, 'rollback.yaml': undefined, [CLEAN_CHECKIN_FILE]: undefined });
    assert.deepEqual(next.moves, [{ from: '.release/release.yaml', to: '.release/history/invoices-v1/release.yaml' }]);
    assert.equal(next.creates.length, 1);
    const text = next.creates[0]?.text ?? '';
    assert.match(text, /\nroles:\n {2}scope: Ana\n {2}delivery: Bo\n {2}readiness: "TODO: the one person for readiness"\n {2}stop: \[Ana, Bo\]\n/);
    assert.match(text, /\ntasks: \[\]\nparked: \[\]\n$/);
    assert.doesNotMatch(text, /rescue|^freeze/m);
  });

  it('several parked items become C1, C2… with what is known of each; odd names are quoted', () => {
    const release = SHIPPED_RELEASE.replace('release: invoices-v1', 'release: "Invoices: Q4 / EU"').replace(
      'parked:\n',
      'parked:\n  - title: "Dark mode: later"\n    told: false\n',
    );
    const next = planned({ 'release.yaml': release }, { name: 'invoices: v2' });
    const text = next.creates[0]?.text ?? '';
    assert.equal(next.historyDir, '.release/history/invoices-q4--eu');
    assert.match(text, /^# Started from Invoices: Q4 \/ EU on 2026-12-21 .*; Invoices: Q4 \/ EU is in \.release\/history\/invoices-q4--eu\/\.\nrelease: "invoices: v2"\n/);
    assert.match(text, /\n {2}- id: C1\n {4}title: "Dark mode: later"\n {4}status: todo\n {4}added: 2026-12-21\n {4}notes: "Parked in Invoices: Q4 \/ EU\. Give it one owner, or park it again\."\n {2}- id: C2\n {4}title: CSV export\n/);
    const result = checkPlan(carriedOut(files({ 'release.yaml': release }), next), { today: CLOSE_DAY });
    assert.deepEqual(result.findings.filter((f) => f.code === 'owner-missing').map((f) => f.path), [['tasks', 0, 'owner'], ['tasks', 1, 'owner']]);
    assert.deepEqual(result.findings.filter((f) => f.code === 'schema' || f.code === 'yaml-syntax'), []);
  });

  it('a parked title or reason over several lines stays on one line, double-quoted; the result parses as the same text', () => {
    const release = SHIPPED_RELEASE.replace('parked:\n', 'parked:\n  - title: |-\n      Dark mode\n      (all screens)\n    reason: "later:\\nafter launch"\n');
    const next = planned({ 'release.yaml': release });
    const text = next.creates[0]?.text ?? '';
    assert.match(text, /\n {4}title: "Dark mode\\n\(all screens\)"\n/);
    const result = checkPlan(carriedOut(files({ 'release.yaml': release }), next), { today: CLOSE_DAY });
    assert.deepEqual(result.findings.filter((f) => ['schema', 'yaml-syntax'].includes(f.code)), []);
    assert.equal(result.plan.release?.data.tasks?.[0]?.title, 'Dark mode\n(all screens)');
    assert.equal(result.plan.release?.data.tasks?.[0]?.notes, 'Parked in invoices-v1. Reason: later:\nafter launch. Give it one owner, or park it again.');
  });

  it('hostile texts (a title starting with `...`, a version `---`, line breaks, indicators) in a role, a parked item and the version read back as themselves, each on one line (review 12b)', () => {
    const make = (value: string) => {
      const q = JSON.stringify(value);
      const release = `${CLEAN_RELEASE.replace('  delivery: Bo\n', `  delivery: ${q}\n`).replace('  - title: CSV export\n    reason: not the problem we solve\n    asked_by: Dee\n', `  - title: ${q}\n    reason: ${q}\n    asked_by: ${q}\n`)}shipped:\n  date: 2026-12-18\n  outcome: shipped\n  version: ${q}\n`;
      return planned({ 'release.yaml': release, 'rollback.yaml': CLEAN_ROLLBACK });
    };
    const read = (text: string) => {
      const doc = parseDocument(text);
      assert.deepEqual([...doc.errors, ...doc.warnings].map((e) => e.message), [], text.slice(0, 400));
      return doc.toJS();
    };
    const plain = make('x');
    const lineCounts = plain.creates.map((create) => create.text.split('\n').length);
    for (const value of HOSTILE_TEXTS) {
      const next = make(value);
      const [release, rollback] = next.creates.map((create) => create.text);
      const data = read(release ?? '');
      const sentence = (text: string) => (/[.!?]$/.test(text) ? text : `${text}.`);
      const notes = ['Parked in invoices-v1.', value.trim() ? `Reason: ${sentence(value.trim())}` : '', value.trim() ? `Asked by ${value.trim()}.` : '', 'Give it one owner, or park it again.'].filter(Boolean).join(' ');
      assert.deepEqual([data.roles.delivery, data.tasks[0].title, data.tasks[0].notes], [value, value, notes], JSON.stringify(value));
      // The record's version is read trimmed; a blank one leaves the placeholder.
      const version = value.trim() || 'TODO: the version invoices-v1 shipped as';
      assert.deepEqual(read(rollback ?? ''), { ...read(NEW_ROLLBACK), stable: { version } }, JSON.stringify(value));
      assert.deepEqual(next.creates.map((create) => create.text.split('\n').length), lineCounts, `${JSON.stringify(value)}: each value on one line`);
    }
  });

  it('list roles are written item by item, quoted where a flow list needs it: they read back as the same people', () => {
    const release = SHIPPED_RELEASE.replace('  delivery: Bo\n', '  delivery: ["Smith, John", "Eve]", "[Ana]", "{x}", "a: b", "# c", \'say "hi"\', "- dash", "*star", Bo]\n');
    const next = planned({ 'release.yaml': release });
    const text = next.creates[0]?.text ?? '';
    assert.match(text, /\n {2}delivery: \["Smith, John", "Eve\]", "\[Ana\]", "\{x\}", "a: b", "# c", say "hi", "- dash", "\*star", Bo\]\n/);
    const doc = parseDocument(text);
    assert.deepEqual(doc.errors, []);
    assert.deepEqual(doc.toJS().roles.delivery, ['Smith, John', 'Eve]', '[Ana]', '{x}', 'a: b', '# c', 'say "hi"', '- dash', '*star', 'Bo']);
  });

  it('a parked title that is not text (title: 2025) is a candidate too, as written; the close itself waits for the schema error to be fixed', () => {
    const loose = parseDocument('parked:\n  - title: 2025\n    reason: 42\n    asked_by: true\n  - title: [a]\n  - reason: no title\n  - title: CSV export\n').toJS() as Loose<Release>;
    assert.deepEqual(parkedCandidates(loose), [{ title: '2025', reason: '42', askedBy: 'true' }, { title: 'CSV export' }]);
    assert.equal(refusal({ 'release.yaml': SHIPPED_RELEASE.replace('parked:\n', 'parked:\n  - title: 2025\n') }), '.release/release.yaml has errors, so the release is not closed: fix them, then run it again.');
  });

  it('rollback.yaml\'s UTF-8 byte-order mark is kept in the new one (the readers drop it from the text)', () => {
    const entries = files({ 'release.yaml': SHIPPED_RELEASE, 'rollback.yaml': CLEAN_ROLLBACK });
    const withBom = planNext(entries, OPTIONS, new Map(), new Set(['.release/rollback.yaml']));
    assert.ok(withBom.ok);
    assert.equal(withBom.creates[1]?.path, '.release/rollback.yaml');
    assert.equal(withBom.creates[1]?.text, `\uFEFF${NEW_ROLLBACK}`);
    assert.equal(withBom.creates[0]?.text.charCodeAt(0), '#'.charCodeAt(0));
    assert.deepEqual([...withBom.bom], ['.release/rollback.yaml']);
    const without = planNext(entries, OPTIONS);
    assert.ok(without.ok);
    assert.equal(without.creates[1]?.text, NEW_ROLLBACK);
    assert.deepEqual([...without.bom], []);
  });

  it('history folder names: file-safe, else release-<shipped date>', () => {
    assert.equal(historyFolderName('Invoices V1', '2026-12-18'), 'invoices-v1');
    assert.equal(historyFolderName('  Billing 2.0 (EU)!  ', '2026-12-18'), 'billing-2.0-eu');
    assert.equal(historyFolderName('..', '2026-12-18'), 'release-2026-12-18');
    assert.equal(historyFolderName('Rechnungen für Ärzte', '2026-12-18'), 'rechnungen-fr-rzte');
    assert.equal(historyFolderName('', '2026-12-18'), 'release-2026-12-18');
    assert.equal(planned({ 'release.yaml': SHIPPED_RELEASE.replace('release: invoices-v1', 'release: "日本"') }).historyDir, '.release/history/release-2026-12-18');
  });

  it('suggests the next name from the closed one', () => {
    assert.equal(suggestNextName('invoices-v1'), 'invoices-v2');
    assert.equal(suggestNextName('Billing 9'), 'Billing 10');
    assert.equal(suggestNextName('1.5'), undefined);
    assert.equal(suggestNextName('42'), undefined);
    assert.equal(suggestNextName('invoices'), undefined);
  });

  it('closeCheck answers before anything is asked, with the same refusals', () => {
    const ok = closeCheck(files({ 'release.yaml': SHIPPED_RELEASE }), CLOSE_DAY);
    assert.ok(ok.ok);
    assert.deepEqual([ok.closed, ok.historyDir, ok.record], ['invoices-v1', '.release/history/invoices-v1', { date: '2026-12-18', outcome: 'shipped', version: '1.5.0' }]);
    const refused = closeCheck(files({}), CLOSE_DAY);
    assert.equal(refused.ok ? 'ok' : render(refused.reason), 'invoices-v1 has no `shipped:` record, so it is not closed: record how it ended first (Mark Release as Shipped, or `release-plan ship`).');
  });

  describe('refusals (a sentence that says why; nothing planned)', () => {
    it('while the release has not gone out: no record, a slip, a launch after today', () => {
      assert.equal(refusal({ 'release.yaml': CLEAN_RELEASE }), 'invoices-v1 has no `shipped:` record, so it is not closed: record how it ended first (Mark Release as Shipped, or `release-plan ship`).');
      assert.equal(refusal({ 'release.yaml': SHIPPED_RELEASE.replace('outcome: shipped', 'outcome: slipped') }), 'invoices-v1 slipped on 2026-12-18: nothing went out, so it is not closed. Agree a new target and backup date in the same release instead.');
      assert.equal(refusal({}, { today: '2026-12-17', target: '2027-01-29' }), 'invoices-v1 is recorded as going out on 2026-12-18, after today (2026-12-17): it can be closed from that day on.');
      // The launch day itself (the watch) is fine.
      assert.equal(plan({}, { today: '2026-12-18' }).ok, true);
    });

    it('while release.yaml or rollback.yaml has errors of its own, or release.yaml is missing', () => {
      assert.equal(refusal({ 'release.yaml': SHIPPED_RELEASE.replace('    estimate: 1\n', '    estimate: one\n') }), '.release/release.yaml has errors, so the release is not closed: fix them, then run it again.');
      assert.equal(refusal({ 'release.yaml': 'release: [invoices\n' }), '.release/release.yaml has errors, so the release is not closed: fix them, then run it again.');
      assert.equal(refusal({ 'release.yaml': SHIPPED_RELEASE.replace('date: 2026-12-18', 'date: 2026-12-32') }), '.release/release.yaml has errors, so the release is not closed: fix them, then run it again.');
      assert.equal(refusal({ 'rollback.yaml': 'stable: [\n' }), '.release/rollback.yaml has errors, so the next runbook cannot be started from it: fix them, then run it again.');
      assert.equal(refusal({ 'rollback.yaml': CLEAN_ROLLBACK.replace('target_minutes: 15', 'target_minutes: soon') }), '.release/rollback.yaml has errors, so the next runbook cannot be started from it: fix them, then run it again.');
      assert.equal(refusal({ 'release.yaml': undefined }), 'There is no .release/release.yaml to close; nothing was moved.');
      // A finding about the plan (not the file) does not stop it.
      assert.equal(plan({ 'release.yaml': SHIPPED_RELEASE.replace('    owner: Bo\n', '') }).ok, true);
    });

    it('while a file it would move has a name Release Plan does not read: it would stay behind for the next release', () => {
      const expected =
        'invoices-v1 is not closed while plan files have names Release Plan does not read: they would stay behind for the next release. First rename checkin/2026-12-17.yaml to checkins/2026-12-17.yaml, rename review.yml to review.yaml, rename rollback.yml to rollback.yaml, then run it again.';
      const entries = { 'rollback.yaml': undefined, 'rollback.yml': CLEAN_ROLLBACK, 'review.yml': 'went_well: [fast]\n', 'checkin/2026-12-17.yaml': CLEAN_CHECKIN };
      assert.equal(refusal(entries), expected);
      const early = closeCheck(files({ 'release.yaml': SHIPPED_RELEASE, ...entries }), CLOSE_DAY);
      assert.equal(early.ok ? 'ok' : render(early.reason), expected);
      // Both names: the misnamed one would stay; a folder's worth of records in one file goes into the folder.
      assert.equal(
        refusal({ 'rollback.yaml': CLEAN_ROLLBACK, 'Rollback.yml': CLEAN_ROLLBACK, 'gonogo.yaml': 'decided_by: Ana\n' }),
        'invoices-v1 is not closed while plan files have names Release Plan does not read: they would stay behind for the next release. First move what you need from Rollback.yml into rollback.yaml and delete Rollback.yml, move gonogo.yaml into gonogo/, one file per day named by its date, then run it again.',
      );
      // team.yaml and config.yaml stay where they are: a misnamed one does not stop the close.
      assert.equal(plan({ 'Team.yml': 'people:\n  - name: Ana\n' }).ok, true);
      // Past releases are never misnamed.
      assert.equal(plan({ 'history/invoices-v0/rollback.yml': CLEAN_ROLLBACK }).ok, true);
    });

    it('when the history folder exists', () => {
      assert.equal(refusal({ 'history/invoices-v1/release.yaml': 'release: invoices-v1\n' }), '.release/history/invoices-v1/ already exists, so nothing was moved: a past release is never overwritten. Rename or remove that folder (or rename the release) first.');
      assert.equal(plan({ 'history/invoices-v0/release.yaml': 'release: invoices-v0\n' }).ok, true);
    });

    it('for a bad name or date', () => {
      assert.equal(refusal({}, { name: '  ' }), 'The new release needs a name, e.g. invoices-v2.');
      assert.equal(refusal({}, { name: 'TODO' }), 'The new release needs a real name, not "TODO".');
      assert.equal(refusal({}, { name: 'a\nb' }), 'The new release\'s name must be one line of text, not "a b".');
      assert.equal(refusal({}, { target: '29.01.2027' }), 'The target date must be written YYYY-MM-DD, not "29.01.2027".');
      assert.equal(refusal({}, { target: '2027-02-30' }), 'The target date must be written YYYY-MM-DD, not "2027-02-30".');
      assert.equal(refusal({}, { target: '2026-12-20' }), 'The target date 2026-12-20 is before today (2026-12-21); give a day still ahead.');
      assert.equal(refusal({}, { backup: 'later' }), 'The backup date must be written YYYY-MM-DD, not "later".');
      assert.equal(refusal({}, { backup: '2027-01-29' }), 'The backup date 2027-01-29 must be after the target date 2027-01-29.');
      assert.equal(plan({}, { target: CLOSE_DAY, backup: '2026-12-22' }).ok, true);
    });

    it('the prompts ask the same questions', () => {
      assert.equal(nextNameProblem('invoices-v2'), undefined);
      assert.equal(render(nextNameProblem('') ?? { id: '', template: 'none', args: {} }), 'The new release needs a name, e.g. invoices-v2.');
      assert.equal(nextDateProblem('target', ' 2027-01-29 ', { today: CLOSE_DAY }), undefined);
      assert.equal(nextDateProblem('backup', '2027-01-30', { today: CLOSE_DAY, target: '2027-01-29' }), undefined);
      assert.equal(render(nextDateProblem('backup', '2027-01-28', { today: CLOSE_DAY, target: '2027-01-29' }) ?? { id: '', template: 'none', args: {} }), 'The backup date 2027-01-28 must be after the target date 2027-01-29.');
    });
  });
});
