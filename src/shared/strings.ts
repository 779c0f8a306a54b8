/**
 * The dashboard's own words (headings, buttons, labels, empty states), in English, defined once.
 * Plan text (names, titles, reasons) and the engine's findings are data and never appear here.
 *
 * The extension host translates every entry with `vscode.l10n.t(english)` and puts the table in
 * the page (`dashboardHtml`'s `strings`); the webview looks words up by key with `t(key, …args)`
 * and falls back to this English when the table has no entry (the browser tests run without a
 * host). `{0}`, `{1}`… are arguments; a count has one whole sentence per form ("1 task" / "{0}
 * tasks"), never a word with an "s" glued on. `npm run l10n` (scripts/l10n.mjs) adds these to
 * l10n/bundle.l10n.json next to the strings of `vscode.l10n.t` calls in src/extension.
 */
export const WEBVIEW_STRINGS = {
  loading: 'Loading the release…',
  dismiss: 'Dismiss',

  // Dates: day, month (and year), e.g. "16 Mar", "16 Mar 2099".
  dateDayMonth: '{0} {1}',
  dateDayMonthYear: '{0} {1} {2}',
  monthJan: 'Jan',
  monthFeb: 'Feb',
  monthMar: 'Mar',
  monthApr: 'Apr',
  monthMay: 'May',
  monthJun: 'Jun',
  monthJul: 'Jul',
  monthAug: 'Aug',
  monthSep: 'Sep',
  monthOct: 'Oct',
  monthNov: 'Nov',
  monthDec: 'Dec',

  // The countdown to the target (the same English as the Release view's; see countdownWords).
  countdownNoTarget: 'no target date',
  countdownLaunchDay: 'launch day',
  countdownOneDay: 'T-1 day',
  countdownDays: 'T-{0} days',
  countdownOneDayLate: '1 day late',
  countdownDaysLate: '{0} days late',

  // Empty states.
  noPlanTitle: 'No release plan here yet',
  noPlanWhere: 'There is no {0} in {1}.',
  noPlanThisFolder: 'this folder',
  noPlanHint: 'Create one with the command “Release Plan: Create Release Plan”: one problem, one owner per task, a rollback you have rehearsed.',
  brokenTitle: 'The release plan cannot be read',
  brokenOne: 'release.yaml has 1 error that keep the dashboard from showing the release. Fix it in the editor; the dashboard updates as you type.',
  brokenMany: 'release.yaml has {0} errors that keep the dashboard from showing the release. Fix them in the editor; the dashboard updates as you type.',
  openReleaseFile: 'Open release.yaml',
  openFileAtLine: 'Open {0} at line {1}',

  // Header.
  eyebrowRelease: 'Release',
  verdictGo: 'Go',
  verdictAtRisk: 'At risk',
  verdictNoGo: 'No-Go',
  vetoedBy: 'No-Go — vetoed by {0} on {1}',
  vetoed: 'No-Go — vetoed on {0}',
  runGonogo: 'Run Go/No-Go',
  runGonogoTitle: 'Answer the five go/no-go questions and record the decision',
  openPlan: 'Open plan',
  noProblem: 'No problem statement yet: say in one sentence which customer problem this release solves.',
  factTMinus: 'T-minus',
  factTarget: 'Target {0}',
  factNoTarget: 'Set `target:` in release.yaml',
  factBackup: 'Backup',
  backupOneDayAgo: '1 day ago',
  backupDaysAgo: '{0} days ago',
  backupInOneDay: 'in 1 day',
  backupInDays: 'in {0} days',
  factNoBackup: 'No backup date',
  factTasks: 'Tasks',
  factOpen: '{0} open',
  factDoneOf: '{0} done of {1}',
  factFindings: 'Findings',
  factErrorsWarnings: 'errors / warnings',
  whyGo: 'Why Go',
  whyAtRiskOne: 'Why At risk: 1 reason',
  whyAtRiskMany: 'Why At risk: {0} reasons',
  whyNoGoOne: 'Why No-Go: 1 reason',
  whyNoGoMany: 'Why No-Go: {0} reasons',
  // After launch the header shows the launch as the state, not a go/no-go verdict.
  stateShipped: 'Shipped {0} on {1}',
  stateShippedNoVersion: 'Shipped on {0}',
  stateRolledBack: 'Rolled back {0} on {1}',
  stateRolledBackNoVersion: 'Rolled back on {0}',
  factLaunch: 'Launch',
  afterLaunchOne: 'After launch: 1 note',
  afterLaunchMany: 'After launch: {0} notes',

  // Timeline.
  timeline: 'Timeline',
  timelineLabel: 'Timeline: {0}',
  timelineEmpty: 'Add `target:`, `backup:` and `freeze:` dates to release.yaml to see the timeline.',
  markerFeatureFreeze: 'Feature freeze',
  markerScopeFreeze: 'Scope freeze',
  markerToday: 'Today',
  markerTarget: 'Target',
  markerBackup: 'Backup',

  // Owner load.
  ownerLoad: 'Owner load',
  ownerLoadEmpty: 'No owners yet: assign each task to one person.',
  loadBarLabel: '{0}: {1} open days',
  loadBarLabelOf: '{0}: {1} open days of {2} available',
  loadBarTitleOneTask: '{0}: {1} open day(s) in 1 task; {2} working day(s) available',
  loadBarTitleTasks: '{0}: {1} open day(s) in {3} tasks; {2} working day(s) available',
  loadFigures: '{0} / {1} d',
  openTaskOne: '1 open task',
  openTasks: '{0} open tasks',
  roles: 'Roles: {0}',
  legendEstimates: 'Open estimates',
  legendCapacity: 'Working days until target',
  legendOver: 'Over capacity',

  // Rollback readiness.
  rollbackReadiness: 'Rollback readiness',
  checksPass: 'checks pass',
  noRunbook: 'No rollback runbook yet',
  openCheckIn: 'Open {0} in rollback.yaml',
  openCheck: 'Open {0}',
  noRehearsal: 'No timed rehearsal yet: rehearse the rollback and record its minutes.',
  rehearsalMinutes: '{0} {1} min',
  rehearsalChartLabel: 'Rehearsal minutes: {0}',
  rehearsalChartLabelTarget: 'Rehearsal minutes: {0}; target {1} min',
  rehearsalTarget: 'target {0} min',
  rehearsalPoint: '{0}: {1} min',
  rehearsalPointBy: '{0}: {1} min by {2}',
  rehearsalPointOn: '{0}: {1} min on {2}',
  rehearsalPointByOn: '{0}: {1} min by {2} on {3}',
  rehearsalCaption: 'Rehearsal minutes over time',
  rehearsalCaptionTarget: 'Rehearsal minutes over time (dashed: target {0} min)',

  // Go / No-Go.
  gonogo: 'Go / No-Go',
  questionPass: 'Pass',
  questionFail: 'Fail',
  questionNeedsAnswer: 'Needs an answer',
  recommendGo: 'GO',
  recommendNoGo: 'NO-GO',
  recommendNeedsAnswers: 'Needs answers',
  answersRecorded: 'answers recorded {0}',
  recommendationFromPlan: 'recommendation from the plan',
  vetoStays: '{0} It stays no-go until a later go/no-go record says go.',
  history: 'History',
  decidedBy: 'decided by {0}',
  noDecision: 'No go/no-go decision recorded yet.',
  gonogoIsHistory: 'History: the release went out',

  // Scope over time (open tasks and estimate by day from the plan's git history).
  scopeOverTime: 'Scope over time',
  scopeNow: '{0}, {1} of estimate, on {2}',
  scopeOneOpenTask: '1 open task',
  scopeOpenTasks: '{0} open tasks',
  scopeEstimate: '{0} d',
  scopeUncommitted: 'uncommitted edits',
  scopeCutOffShallow: 'The history before {0} is not in this clone (a shallow clone): the release started earlier than the chart shows.',
  scopeCutOffMissing: 'The history before {0} is not in this clone (a partial clone without the older versions’ contents): the release started earlier than the chart shows.',
  scopeCutOffLimit: 'The history before {0} is beyond the {1} versions read: the release started earlier than the chart shows.',
  scopeNoHistory: 'No history from Git for this release: Scope over time is drawn from the commits of .release/release.yaml.',
  scopeReading: 'Reading the plan’s history from Git…',
  scopeNotCommitted: 'This release has no commit of .release/release.yaml yet: commit the plan, and its scope is drawn day by day.',
  scopeNoRepository: 'This folder is not in a Git repository: Scope over time is drawn from the commits of .release/release.yaml.',
  scopeVirtual: 'Git history is not available in a virtual workspace: no scope over time to draw.',
  scopeWeb: 'Git history is not available in the browser (it needs the desktop VS Code): no scope over time to draw.',
  scopeGitError: 'Git could not read the plan’s history: {0}',
  scopeNoGit: 'Git is not available (not installed, or the Git extension is disabled or has not started): no scope over time to draw.',
  scopeChartTitle: 'Open tasks and open estimate by day',
  scopeChartDesc: 'From {0} to {1}; at most {2} open tasks and {3} of open estimate. The numbers are in the table below.',
  scopeLegendTasks: 'Open tasks',
  scopeLegendEstimate: 'Open estimate (days)',
  scopeLegendLate: 'Late addition',
  scopePoint: '{0}: {1}, {2}',
  scopeColumnDay: 'Day',
  scopeColumnTasks: 'Open tasks',
  scopeColumnEstimate: 'Open estimate (d)',
  scopeColumnWho: 'Changed by',
  scopeNumbers: 'Numbers by day',
  scopeTableCaption: 'Open tasks and open estimate on each day the plan changed',
  scopeLateAfterScope: 'added {0} by {1}, after the scope freeze',
  scopeLateAfterFeatures: 'added {0} by {1}, after the feature freeze',
  scopeNoFreeze: 'No freeze dates in the plan: no addition counts as late.',
  scopeNoLate: 'No task joined after a freeze.',
  scopeLateOne: '1 late addition',
  scopeLateMany: '{0} late additions',

  // Track record (past releases under history/, and this one once it has a `shipped:` record).
  trackRecord: 'Track Record',
  trackSummary: '{0} of {1} on time',
  trackColumnRelease: 'Release',
  trackColumnTarget: 'Target',
  trackColumnShipped: 'Shipped',
  trackColumnVerdict: 'Verdict',
  trackColumnGrowth: 'Scope growth after freeze',
  trackColumnRehearsal: 'Rollback rehearsal',
  trackColumnReview: 'Review',
  trackCurrent: 'this release',
  trackRescue: 'rescue',
  trackOpen: 'Open the release file of {0}',
  trackNotShipped: 'not recorded',
  trackOnTime: 'on time',
  trackOnTimeFinal: 'on time (final target)',
  trackTargetMovedOnce: 'target moved once, first {0}',
  trackTargetMoved: 'target moved {0} times, first {1}',
  trackSlippedOneDay: 'slipped by 1 day',
  trackSlippedDays: 'slipped by {0} days',
  trackSlippedCalled: 'slipped (called, nothing went out)',
  trackRolledBack: 'rolled back',
  trackWithinBackup: 'within the backup date',
  trackPastBackup: 'past the backup date',
  trackUnknownNoRecord: 'needs an answer: no `shipped:` record',
  trackUnknownNoTarget: 'needs an answer: no target date',
  trackUnknownNotYet: 'needs an answer: the launch date has not come',
  growthNone: 'none',
  growthOneTask: '1 task, {0} d',
  growthTasks: '{0} tasks, {1} d',
  growthUnestimated: '{0} without an estimate',
  growthUnknown: 'unknown: no scope freeze',
  growthUndated: 'unknown: tasks without added:',
  trackRehearsal: '{0} min',
  trackRehearsalBest: '{0} min (best {1})',
  trackRehearsalNone: 'none timed',
  reviewWritten: 'written',
  reviewMissing: 'not written',
  trackReviewState: 'Review of this release: {0}',
  trackTrendCaption: 'Rehearsal minutes across releases: {0} min',
  trackTrendLabel: 'Rehearsal minutes across releases: {0}',
  trackTrendItem: '{0} {1} min',
  recurringBlockers: 'Recurring blockers',
  recurringInOnOneDay: 'in {0}, on 1 day',
  recurringInOnDays: 'in {0}, on {1} days',
  recurringStillOpen: 'still reported in this release',

  // Parked.
  parked: 'Parked',
  parkedEmpty: 'Nothing parked. Park tasks that do not solve the problem.',
  told: 'Told {0}',
  notToldYet: 'Not told yet',
  markTold: 'Mark told',
  openInEditor: 'Open in the editor',
  noReason: 'No reason given',
  askedByUnknown: 'unknown',

  // Tasks.
  tasks: 'Tasks',
  statusTodo: 'To do',
  statusDoing: 'Doing',
  statusBlocked: 'Blocked',
  statusDone: 'Done',
  columnId: 'ID',
  columnTask: 'Task',
  columnOwner: 'Owner',
  columnStatus: 'Status',
  columnKind: 'Kind',
  columnRisk: 'Risk',
  columnDays: 'Days',
  columnFindings: 'Findings',
  columnActions: 'Actions',
  taskGone: '{0} is no longer in the plan: its form was closed.',
  taskGoneUnnamed: 'The task is no longer in the plan: its form was closed.',
  noTasks: 'No tasks yet. Add the work this release needs under {0} in release.yaml.',
  allOwners: 'All owners',
  noOwner: 'No owner',
  allStatuses: 'All statuses',
  clearFilters: 'Clear',
  taskCountOne: '1 task',
  taskCount: '{0} tasks',
  shownOfOneTask: '{0} of 1 task',
  shownOfTasks: '{0} of {1} tasks',
  noMatch: 'No task matches these filters.',
  blockedBy: 'Blocked by: {0}',
  assignOwnerTo: 'Assign an owner to {0}',
  setStatusOf: 'Set the status of {0}',
  parkTask: 'Park {0}',
  openTaskInEditor: 'Open {0} in the editor',
  noFindings: 'No findings',
  errorOne: '1 error',
  errors: '{0} errors',
  warningOne: '1 warning',
  warnings: '{0} warnings',
  cancel: 'Cancel',
  ownerPlaceholder: 'One person’s name',
  ownerOf: 'Owner of {0}',
  assign: 'Assign',
  statusOf: 'Status of {0}',
  setStatus: 'Set status',
  reasonPlaceholder: 'Why it waits for a later release',
  reason: 'Reason',
  askedByPlaceholder: 'Who asked for it',
  askedBy: 'Asked by',
  parkTitle: 'Park {0}: move it out of this release',
  park: 'Park',
} as const;

export type StringKey = keyof typeof WEBVIEW_STRINGS;

/**
 * What a translator needs to know about an entry whose English alone is ambiguous ("May", "{0} {1}").
 * Only the host reads these (as `vscode.l10n.t`'s comment, which is part of the bundle's key); the
 * webview bundle leaves them out.
 */
export const WEBVIEW_STRING_COMMENTS: Partial<Record<StringKey, string>> = {
  dateDayMonth: 'A short date: {0} is the day of the month, {1} the month\'s short name (e.g. "16 Mar").',
  dateDayMonthYear: 'A date: {0} is the day of the month, {1} the month\'s short name, {2} the year (e.g. "16 Mar 2099").',
  monthJan: 'The short name of a month in dates such as "16 Mar".',
  monthFeb: 'The short name of a month in dates such as "16 Mar".',
  monthMar: 'The short name of a month in dates such as "16 Mar".',
  monthApr: 'The short name of a month in dates such as "16 Mar".',
  monthMay: 'The short name of a month in dates such as "16 Mar".',
  monthJun: 'The short name of a month in dates such as "16 Mar".',
  monthJul: 'The short name of a month in dates such as "16 Mar".',
  monthAug: 'The short name of a month in dates such as "16 Mar".',
  monthSep: 'The short name of a month in dates such as "16 Mar".',
  monthOct: 'The short name of a month in dates such as "16 Mar".',
  monthNov: 'The short name of a month in dates such as "16 Mar".',
  monthDec: 'The short name of a month in dates such as "16 Mar".',
  loadFigures: 'Open estimates against working days available, in days (d): e.g. "13 / 8 d".',
  rehearsalMinutes: 'A rehearsal in a chart\'s description: {0} is its date (YYYY-MM-DD), {1} its minutes.',
};

/** The words the page gets from the host: any entry may be missing (then the English is used). */
export type WebviewStrings = Partial<Record<StringKey, string>>;

/** `{0}`, `{1}`… replaced by `args` (as `vscode.l10n.t` does); a placeholder without an argument stays. */
export function formatMessage(template: string, args: readonly (string | number)[]): string {
  return template.replace(/\{(\d+)\}/g, (whole, index: string) => {
    const value = args[Number(index)];
    return value === undefined ? whole : String(value);
  });
}

/** Which words say how far the target is ("T-9 days", "launch day", "3 days late"): a key and its argument. */
export function countdownWords(daysLeft: number | undefined): [StringKey, ...number[]] {
  if (daysLeft === undefined) return ['countdownNoTarget'];
  if (daysLeft === 0) return ['countdownLaunchDay'];
  if (daysLeft === 1) return ['countdownOneDay'];
  if (daysLeft === -1) return ['countdownOneDayLate'];
  return daysLeft < 0 ? ['countdownDaysLate', -daysLeft] : ['countdownDays', daysLeft];
}

/** The words of `strings` that are usable: known keys with text, nothing else (the rest falls back to English). */
export function usableStrings(strings: unknown): WebviewStrings {
  const out: WebviewStrings = {};
  if (!strings || typeof strings !== 'object') return out;
  for (const key of Object.keys(WEBVIEW_STRINGS) as StringKey[]) {
    const value = (strings as Record<string, unknown>)[key];
    if (typeof value === 'string' && value !== '') out[key] = value;
  }
  return out;
}
