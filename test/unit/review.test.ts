import assert from 'node:assert/strict';
import { parse, parseDocument } from 'yaml';
import { completionSite, suggestValues } from '../../src/core/completion';
import { checkPlan } from '../../src/core/engine';
import { evaluateGonogo } from '../../src/core/gonogo';
import { loadPlan } from '../../src/core/plan';
import { reviewDraft } from '../../src/core/reviewDraft';
import { blockerKey, recurringBlockers, workingDaysSince } from '../../src/core/rules/review';
import { undatedJoins } from '../../src/core/rules/scope';
import type { TimelineEvent } from '../../src/core/timeline';
import { check, CLEAN_RELEASE_UNDATED, CLEAN_ROLLBACK, covered, expectFinding, expectNo, files, only, releaseWith, said, single, textOf } from './helpers';

/** The clean release, shipped (or rolled back, or slipped) on Friday 2026-12-18. */
function shipped(outcome = 'shipped', base = CLEAN_RELEASE_UNDATED): string {
  return `${base}shipped:\n  date: 2026-12-18\n  outcome: ${outcome}\n`;
}

const SHIPPED = { 'release.yaml': shipped() };
/** Wednesday: Monday, Tuesday and Wednesday after the Friday launch are 3 working days. */
const DUE = '2026-12-23';
const NOT_YET = '2026-12-22';

const REVIEW = `scope_growth:
  - what: Retry failed exports
    allowed_by: Ana
    when: 2026-12-12
    why: Sales promised it to a large customer.
pattern: Late requests from sales went straight into the release.
blocked:
  - what: Staging DB down
    days: [2026-12-02, 2026-12-03]
    clears: Bo
changed:
  - what: Every request after the freeze went to the scope owner.
    why: One person said no, so nobody had to argue.
keep:
  - "Same release-readiness owner: Cy"
`;

describe('the post-release review', () => {
  describe('review-missing', () => {
    it('warns on shipped: from 3 working days after the launch when there is no review.yaml', () => {
      const finding = expectFinding(SHIPPED, 'review-missing', { severity: 'warning', covers: 'shipped', today: DUE });
      assert.equal(
        finding.message,
        'The release went out on 2026-12-18, 3 working days ago, and there is no post-release review yet. Write review.yaml in the .release/ folder (in VS Code: Start Post-Release Review): why scope grew, what blocked, what changed and why it worked, and what to keep the same for the next two releases.',
      );
      assert.deepEqual(finding.path, ['shipped']);
    });

    it('says "rolled back" after a rollback', () => {
      const finding = expectFinding({ 'release.yaml': shipped('rolled-back') }, 'review-missing', { severity: 'warning', covers: 'shipped', today: '2026-12-28' });
      assert.match(finding.message, /^The release was rolled back on 2026-12-18, 6 working days ago, and there is no post-release review yet\./);
    });

    it('is not reported before 3 working days (the weekend does not count), with a review, or for a slip', () => {
      expectNo(SHIPPED, 'review-missing', NOT_YET);
      expectNo(SHIPPED, 'review-missing', '2026-12-20');
      expectNo({ ...SHIPPED, 'review.yaml': REVIEW }, 'review-missing', DUE);
      // A slip is not a release: nothing went out, the plan goes on.
      expectNo({ 'release.yaml': shipped('slipped') }, 'review-missing', DUE);
      expectNo({}, 'review-missing', DUE);
    });

    it('counts a review.yaml that cannot be read, or a misnamed one, as written', () => {
      const unreadable = checkPlan(files(SHIPPED), { today: DUE, unreadable: new Map([['.release/review.yaml', said('No permission to read it.')]]) });
      assert.deepEqual(only(unreadable, 'review-missing'), []);
      assert.equal(single(unreadable, 'file-unreadable').file, '.release/review.yaml');
      const misnamed = check({ ...SHIPPED, 'review.yml': REVIEW }, DUE);
      assert.deepEqual(only(misnamed, 'review-missing'), []);
      assert.equal(single(misnamed, 'file-misnamed').file, '.release/review.yml');
    });

    it('working days since: after the day itself, up to and including today', () => {
      assert.equal(workingDaysSince('2026-12-18', '2026-12-18'), 0);
      assert.equal(workingDaysSince('2026-12-18', '2026-12-21'), 1);
      assert.equal(workingDaysSince('2026-12-19', '2026-12-23'), 3, 'a Saturday launch: Monday to Wednesday');
    });
  });

  describe('review-not-one-sentence', () => {
    it('a clean review gets no findings at all', () => {
      const result = check({ ...SHIPPED, 'review.yaml': REVIEW }, DUE);
      assert.deepEqual(result.findings.filter((f) => f.file === '.release/review.yaml'), []);
      expectNo({ ...SHIPPED, 'review.yaml': REVIEW }, 'review-not-one-sentence', DUE);
    });

    it('warns on the pattern, each changed what and why, and each scope_growth why that is more than one sentence', () => {
      const review = REVIEW.replace('went straight into the release.', 'went straight into the release. Nobody said no.')
        .replace('why: Sales promised it to a large customer.', 'why: Sales promised it. The customer is large.')
        .replace('why: One person said no, so nobody had to argue.', 'why: One person said no. Nobody had to argue. It was quick.');
      const entries = { ...SHIPPED, 'review.yaml': review };
      const found = only(check(entries, DUE), 'review-not-one-sentence');
      assert.deepEqual(
        found.map((f) => [covered(review, f), f.severity, f.message]),
        [
          ['Sales promised it. The customer is large.', 'warning', 'Why "Retry failed exports" was let in takes 2 sentences. Say why in one sentence.'],
          ['Late requests from sales went straight into the release. Nobody said no.', 'warning', 'The pattern takes 2 sentences. Name the one pattern that pushed the team past its limit, in one sentence.'],
          ['One person said no. Nobody had to argue. It was quick.', 'warning', 'Why "Every request after the freeze went to the scope owner." worked takes 3 sentences. Say why it worked in one sentence.'],
        ],
      );
      const what = REVIEW.replace('what: Every request after the freeze went to the scope owner.', 'what: Requests went to the scope owner. Standups got shorter.');
      const finding = expectFinding({ ...SHIPPED, 'review.yaml': what }, 'review-not-one-sentence', { severity: 'warning', covers: 'Requests went to the scope owner. Standups got shorter.', file: '.release/review.yaml', today: DUE });
      assert.equal(finding.message, 'What changed (item 1) takes 2 sentences. Say what changed in one sentence; two changes are two items.');
    });

    it('uses the problem rules\' notion of a sentence: abbreviations and versions end none', () => {
      expectNo({ ...SHIPPED, 'review.yaml': REVIEW.replace('Late requests from sales', 'Late requests (e.g. from sales for v2.1)') }, 'review-not-one-sentence', DUE);
    });

    it('is a review rule in the planning phase too (the review file is checked whenever it exists)', () => {
      expectFinding({ 'review.yaml': 'pattern: One. Two.\n' }, 'review-not-one-sentence', { severity: 'warning', covers: 'One. Two.', file: '.release/review.yaml' });
    });
  });

  describe('template text in review.yaml', () => {
    it('is placeholder-text, as a warning, on each field still holding it', () => {
      const review = `scope_growth:
  - what: Retry failed exports
    allowed_by: "TODO: who allowed it"
    why: TBD
pattern: "TODO: the pattern"
blocked:
  - what: "<what blocked>"
changed:
  - what: TODO
    why: "TODO: why it worked. Really."
keep:
  - "TODO: what to keep"
`;
      const result = check({ ...SHIPPED, 'review.yaml': review }, DUE);
      const found = only(result, 'placeholder-text');
      assert.deepEqual(
        found.map((f) => [covered(review, f), f.severity, f.message]),
        [
          ['"TODO: who allowed it"', 'warning', 'Who allowed "Retry failed exports" in is still template text ("TODO: who allowed it"). Name the one person who allowed it in.'],
          ['TBD', 'warning', 'Why "Retry failed exports" was let in is still template text ("TBD"). Say why, in one sentence.'],
          ['"TODO: the pattern"', 'warning', 'The pattern is still template text ("TODO: the pattern"). Say in one sentence what pushed the team past its limit: the pattern, not the latest example.'],
          ['"<what blocked>"', 'warning', 'What blocked the work (item 1) is still template text ("<what blocked>"). Name the blocker, or delete the item.'],
          ['TODO', 'warning', 'What changed (item 1) is still template text ("TODO"). Say in one sentence what the team changed.'],
          ['"TODO: why it worked. Really."', 'warning', 'Why it worked (item 1) is still template text ("TODO: why it worked. Really."). Say in one sentence why it worked.'],
          ['"TODO: what to keep"', 'warning', 'What to keep (item 1) is still template text ("TODO: what to keep"). Say what stays the same for the next two releases, or delete the item.'],
        ],
      );
      // A placeholder is not also counted as sentences.
      assert.deepEqual(only(result, 'review-not-one-sentence'), []);
    });

    it('names the item by number when its what is template text too', () => {
      const review = 'scope_growth:\n  - what: TODO\n    allowed_by: TBD\n';
      const result = check({ 'review.yaml': review });
      assert.deepEqual(
        only(result, 'placeholder-text').map((f) => f.message),
        ['What joined the release late (item 1) is still template text ("TODO"). Name the work, or delete the item.', 'Who allowed "1" in is still template text ("TBD"). Name the one person who allowed it in.'],
      );
    });
  });

  describe('blocker-recurring', () => {
    const MONDAY = 'checkins/2026-11-30.yaml';
    const TUESDAY = 'checkins/2026-12-01.yaml';

    it('is reported once, on the latest place, with every other place as related information', () => {
      const entries = {
        'checkins/2026-11-27.yaml': 'blocks:\n  - what: Waiting for the staging DB!\n    clears: Bo\n',
        [MONDAY]: 'blocks:\n  - what: waiting for staging   db\n',
        [TUESDAY]: 'blocks:\n  - what: Waiting for the Staging DB.\n    clears: Bo\n',
      };
      const finding = expectFinding(entries, 'blocker-recurring', { severity: 'info', covers: 'Waiting for the Staging DB.', file: '.release/checkins/2026-12-01.yaml' });
      assert.equal(finding.message, '"Waiting for the Staging DB." blocked the work on 3 days (first on 2026-11-27). A blocker that comes back is part of the system: fix what causes it, not only this case.');
      assert.deepEqual(
        finding.related?.map((info) => [info.file, covered(textOf(entries, info.file), { ...finding, range: info.range }), info.message]),
        [
          ['.release/checkins/2026-11-27.yaml', 'Waiting for the staging DB!', 'Reported on 2026-11-27.'],
          ['.release/checkins/2026-11-30.yaml', 'waiting for staging   db', 'Reported on 2026-11-30.'],
        ],
      );
    });

    it('counts an open task\'s blocker as reported today, and a past release\'s check-ins', () => {
      const release = releaseWith('    status: todo\n    estimate: 1\n', '    status: blocked\n    estimate: 1\n    blocker: Legal has not approved the PDF layout\n    clears: Dee\n');
      const entries = {
        'release.yaml': release,
        'history/login-v3/release.yaml': 'release: login-v3\n',
        'history/login-v3/checkins/2026-09-30.yaml': 'blocks:\n  - what: legal has not approved the PDF layout\n',
      };
      const finding = expectFinding(entries, 'blocker-recurring', { severity: 'info', covers: 'Legal has not approved the PDF layout' });
      assert.equal(finding.message, '"Legal has not approved the PDF layout" blocked the work on 2 days in 2 releases (first on 2026-09-30, in login-v3). A blocker that comes back is part of the system: fix what causes it, not only this case.');
      assert.deepEqual(finding.related?.map((info) => [info.file, info.range.start.line, info.message]), [['.release/history/login-v3/checkins/2026-09-30.yaml', 1, 'Reported on 2026-09-30 in login-v3.']]);
      // The task's blocker and a check-in of an earlier day: the check-in is the related place.
      const both = expectFinding({ 'release.yaml': release, [MONDAY]: 'blocks:\n  - what: Legal has not approved the PDF layout\n' }, 'blocker-recurring', { severity: 'info', covers: 'Legal has not approved the PDF layout' });
      assert.deepEqual(both.related?.map((info) => info.message), ['Reported on 2026-11-30.']);
    });

    it('is not reported for one day, different numbers, future or placeholder check-ins, or only in history', () => {
      expectNo({ [TUESDAY]: 'blocks:\n  - what: Staging DB down\n  - what: staging db down.\n' }, 'blocker-recurring');
      expectNo({ [MONDAY]: 'blocks:\n  - what: Waiting for PR 12\n', [TUESDAY]: 'blocks:\n  - what: Waiting for PR 13\n' }, 'blocker-recurring');
      expectNo({ [TUESDAY]: 'blocks:\n  - what: Staging DB down\n', 'checkins/2026-12-02.yaml': 'blocks:\n  - what: Staging DB down\n' }, 'blocker-recurring');
      expectNo({ [MONDAY]: 'blocks:\n  - what: TODO\n', [TUESDAY]: 'blocks:\n  - what: TODO\n' }, 'blocker-recurring');
      const history = {
        'history/a/checkins/2026-09-01.yaml': 'blocks:\n  - what: VPN flaky\n',
        'history/a/checkins/2026-09-02.yaml': 'blocks:\n  - what: VPN flaky\n',
      };
      const result = expectNo(history, 'blocker-recurring');
      assert.deepEqual(result.findings.filter((f) => f.file.includes('history/')), []);
      // …but the track record still sees it.
      assert.deepEqual(
        recurringBlockers(result.plan, '2026-12-01').map((r) => [r.key, r.days, r.releases]),
        [['vpn flaky', ['2026-09-01', '2026-09-02'], ['a']]],
      );
      // Found once per plan and day (the rule and the Track Record of one check share it); another day is asked again.
      assert.equal(recurringBlockers(result.plan, '2026-12-01'), recurringBlockers(result.plan, '2026-12-01'));
      assert.deepEqual(recurringBlockers(result.plan, '2026-09-01'), [], 'on 2026-09-01 the second report had not happened yet');
      assert.equal(recurringBlockers(result.plan, '2026-12-01').length, 1);
      // Two past releases with one name (a re-run of app-v1) are still two releases, each its own day.
      const twins = check({
        'history/a/release.yaml': 'release: app-v1\ntarget: 2026-09-01\n',
        'history/a/checkins/2026-09-01.yaml': 'blocks:\n  - what: VPN flaky\n',
        'history/b/release.yaml': 'release: app-v1\ntarget: 2026-10-01\n',
        'history/b/checkins/2026-09-01.yaml': 'blocks:\n  - what: VPN flaky\n',
      });
      assert.deepEqual(recurringBlockers(twins.plan, '2026-12-01').map((r) => [r.days, r.releases, r.places.map((p) => p.file)]), [
        [['2026-09-01'], ['app-v1', 'app-v1'], ['.release/history/a/checkins/2026-09-01.yaml', '.release/history/b/checkins/2026-09-01.yaml']],
      ]);
    });

    it('blockerKey: lower case, punctuation and articles dropped, numbers kept', () => {
      assert.equal(blockerKey('  Waiting for THE staging-DB (again)!  '), 'waiting for staging db again');
      assert.equal(blockerKey('PR #12 not merged'), 'pr 12 not merged');
      assert.equal(blockerKey('An API key'), 'api key');
      assert.equal(blockerKey('…'), '');
    });

    it('runs after the launch watch too (history phase)', () => {
      const entries = { ...SHIPPED, 'review.yaml': REVIEW, [MONDAY]: 'blocks:\n  - what: Staging DB down\n', [TUESDAY]: 'blocks:\n  - what: Staging DB down\n' };
      expectFinding(entries, 'blocker-recurring', { severity: 'info', covers: 'Staging DB down', file: '.release/checkins/2026-12-01.yaml', today: DUE });
    });
  });

  describe('rhythm-owner-changed', () => {
    const rescue = (name: string, readiness: string, target: string, rescueFlag = true) =>
      `release: ${name}\ntarget: ${target}\n${rescueFlag ? 'rescue: true\n' : ''}roles:\n  readiness: ${readiness}\nshipped:\n  date: ${target}\n  outcome: shipped\n`;
    const NEW_OWNER = releaseWith('  readiness: Cy', '  readiness: Dee');

    it('reports a new release-readiness owner in the release right after a rescue, with the rescue\'s owner as related information', () => {
      const entries = { 'release.yaml': NEW_OWNER, 'history/pay-v2/release.yaml': rescue('pay-v2', 'Cy', '2026-11-01') };
      const finding = expectFinding(entries, 'rhythm-owner-changed', { severity: 'info', covers: 'Dee' });
      assert.equal(
        finding.message,
        'The release-readiness owner changed from Cy to Dee within the two releases after the rescue release pay-v2. Keep the rhythm almost boring for two releases (the same release-readiness owner, planning window and rollback check), or agree the change openly.',
      );
      assert.deepEqual(finding.related?.map((info) => [info.file, covered(textOf(entries, info.file), { ...finding, range: info.range }), info.message]), [
        ['.release/history/pay-v2/release.yaml', 'Cy', 'The rescue release pay-v2 had Cy as release-readiness owner.'],
      ]);
    });

    it('and in the second release after it, but not the third, nor when the owner is the same person (an alias), nor after a release that was no rescue', () => {
      const second = { 'release.yaml': NEW_OWNER, 'history/a/release.yaml': rescue('pay-v2', 'Cy', '2026-10-01'), 'history/b/release.yaml': rescue('pay-v3', 'Cy', '2026-11-01', false) };
      expectFinding(second, 'rhythm-owner-changed', { severity: 'info', covers: 'Dee' });
      expectNo({ ...second, 'history/c/release.yaml': rescue('pay-v4', 'Cy', '2026-11-15', false) }, 'rhythm-owner-changed');
      expectNo({ 'release.yaml': CLEAN_RELEASE_UNDATED, 'history/a/release.yaml': rescue('pay-v2', 'cy', '2026-11-01') }, 'rhythm-owner-changed');
      expectNo({ 'release.yaml': NEW_OWNER, 'team.yaml': 'people:\n  - name: Cy\n    aliases: [Dee]\n', 'history/a/release.yaml': rescue('pay-v2', 'Cy', '2026-11-01') }, 'rhythm-owner-changed');
      expectNo({ 'release.yaml': NEW_OWNER, 'history/a/release.yaml': rescue('pay-v2', 'Cy', '2026-11-01', false) }, 'rhythm-owner-changed');
      // A new rescue sets the rhythm again.
      expectNo({ 'release.yaml': `${NEW_OWNER}rescue: true\n`, 'history/a/release.yaml': rescue('pay-v2', 'Cy', '2026-11-01') }, 'rhythm-owner-changed');
    });

    it('reports a changed rollback check: who verifies it, and its time limit (changed or dropped)', () => {
      const past = { 'history/a/release.yaml': rescue('pay-v2', 'Cy', '2026-11-01'), 'history/a/rollback.yaml': CLEAN_ROLLBACK };
      const verifies = CLEAN_ROLLBACK.replace('verifies: Cy', 'verifies: Dee');
      const finding = expectFinding({ ...past, 'rollback.yaml': verifies }, 'rhythm-owner-changed', { severity: 'info', covers: 'Dee', file: '.release/rollback.yaml' });
      assert.equal(finding.message, 'The rollback check changed: Dee verifies it now, Cy did in the rescue release pay-v2. Keep the rhythm almost boring for two releases after a rescue (the same release-readiness owner, planning window and rollback check), or agree the change openly.');
      assert.deepEqual(finding.related?.map((info) => [info.file, info.range.start.line, info.message]), [['.release/history/a/rollback.yaml', 5, 'In the rescue release pay-v2, Cy verified the rollback.']]);
      const slower = expectFinding({ ...past, 'rollback.yaml': CLEAN_ROLLBACK.replace('target_minutes: 15', 'target_minutes: 30') }, 'rhythm-owner-changed', { severity: 'info', covers: '30', file: '.release/rollback.yaml' });
      assert.equal(slower.message, 'The rollback check changed: the rollback must now take at most 30 minutes, 15 in the rescue release pay-v2. Keep the rhythm almost boring for two releases after a rescue (the same release-readiness owner, planning window and rollback check), or agree the change openly.');
      assert.deepEqual(slower.related?.map((info) => info.message), ['The rescue release pay-v2 held the rollback to 15 minutes.']);
      const dropped = expectFinding({ ...past, 'rollback.yaml': CLEAN_ROLLBACK.replace('target_minutes: 15\n', '') }, 'rhythm-owner-changed', { severity: 'info', covers: 'stable', file: '.release/rollback.yaml' });
      assert.match(dropped.message, /^The rollback check changed: the rescue release pay-v2 held the rollback to 15 minutes \(target_minutes\), this runbook has no limit\./);
      expectNo({ ...past, 'rollback.yaml': CLEAN_ROLLBACK }, 'rhythm-owner-changed');
      // Nobody verifying is rollback-role-missing's to say, not a change of person.
      expectNo({ ...past, 'rollback.yaml': CLEAN_ROLLBACK.replace('  verifies: Cy\n', '') }, 'rhythm-owner-changed');
    });
  });

  describe('go/no-go', () => {
    it('reads none of the review codes: the answers are the same with them as without', () => {
      const clean = evaluateGonogo(check());
      const entries = {
        'release.yaml': releaseWith('  readiness: Cy', '  readiness: Dee'),
        'history/a/release.yaml': 'release: pay-v2\nrescue: true\nroles:\n  readiness: Cy\n',
        'checkins/2026-11-27.yaml': 'blocks:\n  - what: Staging DB down\n    clears: Bo\n',
        'checkins/2026-11-30.yaml': 'blocks:\n  - what: Staging DB down\n    clears: Bo\n',
        'review.yaml': 'pattern: "TODO: later"\nchanged:\n  - what: One. Two.\n',
      };
      const result = check(entries);
      assert.deepEqual(
        result.findings.map((f) => f.code).sort(),
        ['blocker-recurring', 'placeholder-text', 'review-not-one-sentence', 'rhythm-owner-changed'],
      );
      const withReview = evaluateGonogo(result);
      assert.deepEqual(withReview.questions.map((q) => [q.id, q.verdict]), clean.questions.map((q) => [q.id, q.verdict]));
      assert.equal(withReview.recommendation, clean.recommendation);
    });
  });

  describe('reviewDraft', () => {
    const RELEASE = releaseWith('    estimate: 1\n', '    estimate: 1\n    added: 2026-12-12\n', shipped());
    const CHECKINS = {
      'checkins/2026-12-02.yaml': 'blocks:\n  - what: Staging DB down\n  - what: "Legal: PDF layout"\n    clears: Dee\n',
      'checkins/2026-12-03.yaml': 'blocks:\n  - what: staging db down.\n    clears: Bo\n',
      'checkins/2026-12-30.yaml': 'blocks:\n  - what: Not yet written\n',
    };
    const draftOf = (entries: Record<string, string | undefined>, events?: TimelineEvent[]) => reviewDraft(loadPlan(files(entries), undefined, false), { today: DUE, ...(events ? { events } : {}) });

    it('never says nothing joined late while the check could not date tasks after the freeze: names them and leaves a TODO (review 2 of issue 12)', () => {
      const plan = loadPlan(files({ 'release.yaml': shipped() }), undefined, false);
      const result = checkPlan(files({ 'release.yaml': shipped() }), { today: '2026-12-17', cache: false });
      const undated = undatedJoins(result.context)?.tasks.map(({ task }) => String(task.id));
      assert.deepEqual(undated, ['T1', 'T2']);
      const draft = reviewDraft(plan, { today: DUE, undated: undated! });
      assert.doesNotMatch(draft, /Nothing joined after the freeze/);
      assert.match(draft, /# Release Plan cannot tell whether these joined after the freeze \(no added: date, and no commit of the plan's history dates them\): T1, T2\.\nscope_growth:\n  - what: "TODO: which of the tasks above joined after the freeze \(remove this item if none did\)"\n/);
      assert.deepEqual(parse(draft).scope_growth, [{ what: 'TODO: which of the tasks above joined after the freeze (remove this item if none did)' }]);
      // The rules flag that TODO until a person answers it.
      const flagged = check({ 'release.yaml': shipped(), 'review.yaml': draft }, DUE);
      assert.ok(only(flagged, 'placeholder-text').some((f) => f.message.includes('which of the tasks above joined')));
    });

    it('prefills scope growth, blocks and what to keep, with comments, and placeholders only a person can answer', () => {
      assert.equal(
        draftOf({ 'release.yaml': RELEASE, ...CHECKINS }),
        `# Post-release review of invoices-v1: shipped on 2026-12-18.
# Drafted by Release Plan on 2026-12-23 from release.yaml and the daily check-ins.
# Answer every "TODO: …": Release Plan flags each one until it is answered. Keep each
# answer to one sentence (see "The post-release review" in docs/rules.md).

# Why scope grew: what joined the release after the freeze, who allowed it in, when, and why.
scope_growth:
  - what: Download button
    allowed_by: "TODO: the one person who allowed it in"
    when: 2026-12-12
    why: "TODO: why it was let in, in one sentence"

# What pushed the team past its limit, as a pattern (not the latest example), in one sentence.
pattern: "TODO: the pattern behind the late work and the blockers, in one sentence"

# What blocked the work, from the daily check-ins. A blocker that came back is part of the system.
blocked:
  - what: Staging DB down
    days: [2026-12-02, 2026-12-03]
    clears: Bo
  - what: "Legal: PDF layout"
    days: [2026-12-02]
    clears: Dee

# What the team changed and why it worked: one sentence each, one item per change.
changed:
  - what: "TODO: one thing the team changed, in one sentence"
    why: "TODO: why it worked, in one sentence"

# For the next two releases, keep the rhythm almost boring: the same planning window, the
# same release-readiness owner, the same rollback check.
keep:
  - "Same planning window: scope frozen 6 working days before target"
  - "Same release-readiness owner: Cy"
  - "Same rollback check: Cy verifies it, within 15 minutes"
`,
      );
    });

    it('multi-line and YAML-special values are written on one line, quoted as needed, and read back as the same text', () => {
      const odd = ['Multi line\ntitle: with colon', 'a: b', 'x # not a comment', '"quoted" and \'single\'', '- leading dash', '[bracket', '*star', '{brace}', '@at', 'trailing space ', 'yes'];
      const tasks = odd.map((title, i) => `  - id: L${i}\n    title: ${JSON.stringify(title)}\n    owner: Bo\n    status: done\n    added: 2026-12-12\n`).join('');
      const release = RELEASE.replace('parked:\n', `${tasks}parked:\n`);
      const checkins = { 'checkins/2026-12-02.yaml': 'blocks:\n  - what: >-\n      waiting for\n      the DB\n\n      second paragraph\n    clears: "- Bo: #1"\n' };
      const events: TimelineEvent[] = [{ kind: 'task-added', task: 'G1', title: 'x\ny: z', afterFreeze: 'scope', commit: 'a'.repeat(40), author: '- Mallory: #1', date: '2026-12-12' }];
      for (const draft of [draftOf({ 'release.yaml': release, ...checkins }), draftOf({ 'release.yaml': release, ...checkins }, events)]) {
        const doc = parseDocument(draft);
        assert.deepEqual(doc.errors, []);
        const back = doc.toJS() as { scope_growth: { what: string; allowed_by: string }[]; blocked: { what: string; clears: string }[] };
        assert.deepEqual(back.scope_growth.map((g) => g.what).slice(-odd.length), odd.map((t) => t.trim()));
        assert.deepEqual(back.blocked, [{ what: 'waiting for the DB\nsecond paragraph', days: ['2026-12-02'], clears: '- Bo: #1' }]);
        assert.doesNotMatch(draft, /: [|>]/);
      }
      const withEvents = parseDocument(draftOf({ 'release.yaml': release, ...checkins }, events)).toJS() as { scope_growth: { what: string; allowed_by: string }[] };
      assert.deepEqual(withEvents.scope_growth[0], { what: 'x\ny: z', allowed_by: '- Mallory: #1', when: '2026-12-12', why: 'TODO: why it was let in, in one sentence' });
    });

    it('parses with the schema, and the rules flag exactly its placeholders until they are answered', () => {
      const entries = { 'release.yaml': RELEASE, ...CHECKINS };
      const draft = draftOf(entries);
      assert.deepEqual(parse(draft).blocked[0], { what: 'Staging DB down', days: ['2026-12-02', '2026-12-03'], clears: 'Bo' });
      const result = check({ ...entries, 'review.yaml': draft }, DUE);
      const inReview = result.findings.filter((f) => f.file === '.release/review.yaml');
      assert.deepEqual(
        inReview.map((f) => [f.code, f.severity, covered(draft, f)]),
        [
          ['placeholder-text', 'warning', '"TODO: the one person who allowed it in"'],
          ['placeholder-text', 'warning', '"TODO: why it was let in, in one sentence"'],
          ['placeholder-text', 'warning', '"TODO: the pattern behind the late work and the blockers, in one sentence"'],
          ['placeholder-text', 'warning', '"TODO: one thing the team changed, in one sentence"'],
          ['placeholder-text', 'warning', '"TODO: why it worked, in one sentence"'],
        ],
      );
      assert.deepEqual(only(result, 'review-missing'), []);
      const answered = draft
        .replace('"TODO: the one person who allowed it in"', 'Ana')
        .replace('"TODO: why it was let in, in one sentence"', 'Sales promised it.')
        .replace('"TODO: the pattern behind the late work and the blockers, in one sentence"', 'Late asks went straight in.')
        .replace('"TODO: one thing the team changed, in one sentence"', 'Late asks go to the scope owner.')
        .replace('"TODO: why it worked, in one sentence"', 'One person decides.');
      assert.deepEqual(check({ ...entries, 'review.yaml': answered }, DUE).findings.filter((f) => f.file === '.release/review.yaml'), []);
    });

    it('takes late work from the timeline when given: the committer as allowed_by, plus late tasks it does not know', () => {
      const events: TimelineEvent[] = [
        { kind: 'task-added', task: 'T0', title: 'Old task', commit: 'a'.repeat(40), author: 'Ana', date: '2026-11-20' },
        { kind: 'task-added', task: 'T9', title: 'Audit log', afterFreeze: 'scope', commit: 'b'.repeat(40), author: 'Bo Berg', date: '2026-12-11' },
        { kind: 'task-removed', task: 'T9', title: 'Audit log', commit: 'c'.repeat(40), author: 'Ana', date: '2026-12-14' },
      ];
      const draft = draftOf({ 'release.yaml': RELEASE }, events);
      assert.deepEqual(parse(draft).scope_growth, [
        { what: 'Audit log', allowed_by: 'Bo Berg', when: '2026-12-11', why: 'TODO: why it was let in, in one sentence' },
        { what: 'Download button', allowed_by: 'TODO: the one person who allowed it in', when: '2026-12-12', why: 'TODO: why it was let in, in one sentence' },
      ]);
      assert.ok(draft.includes('# From the git history of release.yaml: allowed_by is who committed it; correct it if someone else allowed it.\n'));
      assert.ok(draft.includes('\n# Drafted by Release Plan on 2026-12-23 from release.yaml, its git history and the daily check-ins.\n'));
      // T2 as an event too: listed once, from the event.
      const once = draftOf({ 'release.yaml': RELEASE }, [{ kind: 'task-added', task: 'T2', title: 'Download button', afterFreeze: 'scope', commit: 'd'.repeat(40), author: 'Cy', date: '2026-12-12' }]);
      assert.deepEqual(parse(once).scope_growth.map((item: { allowed_by: string }) => item.allowed_by), ['Cy']);
    });

    it('says so when nothing grew or blocked, and leaves what the plan does not say to fill in', () => {
      const bare = 'release: quick-fix\nproblem: Customers cannot log in.\ntarget: 2026-12-18\nbackup: 2026-12-21\nshipped:\n  date: 2026-12-18\n  outcome: rolled-back\n';
      const draft = draftOf({ 'release.yaml': bare, 'rollback.yaml': undefined, 'checkins/2026-11-30.yaml': undefined });
      const data = parse(draft);
      assert.ok(draft.startsWith('# Post-release review of quick-fix: rolled back on 2026-12-18.\n'));
      assert.ok(draft.includes("# release.yaml has no freeze date, so nothing counts as late; add what joined late by hand.\nscope_growth: []\n"));
      assert.ok(draft.includes('# No check-in reported a block.\nblocked: []\n'));
      assert.deepEqual(data.keep, [
        'TODO: the planning window to keep, e.g. scope frozen 6 working days before target',
        'TODO: the release-readiness owner to keep for the next two releases',
        'TODO: the rollback check to keep: who verifies it, and within how many minutes',
      ]);
      const result = check({ 'release.yaml': bare, 'rollback.yaml': undefined, 'checkins/2026-11-30.yaml': undefined, 'review.yaml': draft }, DUE);
      assert.equal(result.findings.filter((f) => f.file === '.release/review.yaml' && f.code === 'placeholder-text').length, 6, 'the pattern, what changed and why, and the three things to keep');
      assert.deepEqual(result.findings.filter((f) => f.file === '.release/review.yaml' && f.code !== 'placeholder-text'), []);
    });
  });

  describe('completion in review.yaml', () => {
    const people = ['Ana', 'Bo'];
    const at = (text: string) => suggestValues(completionSite(text, text.length) ?? { key: '', prefix: '' }, people, DUE);

    it('offers people for allowed_by and clears, dates for when and days', () => {
      assert.deepEqual(at('scope_growth:\n  - what: Retry\n    allowed_by: ').map((s) => [s.value, s.kind]), [['Ana', 'person'], ['Bo', 'person']]);
      assert.deepEqual(at('blocked:\n  - what: DB\n    clears: ').map((s) => s.value), ['Ana', 'Bo']);
      assert.deepEqual(at('scope_growth:\n  - what: Retry\n    when: ').map((s) => [s.value, s.detail]).slice(0, 2), [['2026-12-23', 'today'], ['2026-12-24', 'tomorrow']]);
      assert.equal(at('blocked:\n  - what: DB\n    days: [2026-12-02, ')[0]?.kind, 'date');
      assert.equal(at('blocked:\n  - what: DB\n    days:\n      - ')[0]?.kind, 'date');
      // `when` elsewhere is no date field.
      assert.deepEqual(at('notes:\n  when: '), []);
    });
  });
});
