import { dayNumber } from '../dates';
import { counted, horizonKey, taskLabel, type IndexedTask, type RuleContext } from '../context';
import { defineMessages, type Message, type MessageArg } from '../message';
import { shortCommit, taskOrigin, type Timeline, type TaskOrigin } from '../timeline';
import { isPlainObject, valueAt } from '../validate';

/** The sentences of the scope rules; a refactor title's reason picks one of the `scope-refactor/…` sentences. */
export const messages = defineMessages({
  'scope-too-many-tasks': '{count}; the limit is {limit}. Park what does not solve the problem.',
  'scope-too-risky': '{count} ({tasks}); the limit is {limit}. Make {task} smaller, or move it to the next release.',
  'scope-refactor': 'Task {task} is a refactor. A rescue release ships the fix, not a rewrite: park it.',
  'scope-refactor/restructures': 'Task {task} reads as a refactor: it restructures existing code. A rescue release ships the fix for the one customer problem, not a rework: park it. If this work is itself the fix for the customer problem, set `kind: fix` and it is no longer reported.',
  'scope-refactor/ports': 'Task {task} reads as a refactor: it moves working code to another language or platform. A rescue release ships the fix for the one customer problem, not a rework: park it. If this work is itself the fix for the customer problem, set `kind: fix` and it is no longer reported.',
  'scope-refactor/swaps-library': 'Task {task} reads as a refactor: it swaps one library or framework for another. A rescue release ships the fix for the one customer problem, not a rework: park it. If this work is itself the fix for the customer problem, set `kind: fix` and it is no longer reported.',
  'scope-refactor/rewrites': 'Task {task} reads as a refactor: it rewrites something that already works. A rescue release ships the fix for the one customer problem, not a rework: park it. If this work is itself the fix for the customer problem, set `kind: fix` and it is no longer reported.',
  'scope-refactor/rebuilds': 'Task {task} reads as a refactor: it rebuilds something that already works. A rescue release ships the fix for the one customer problem, not a rework: park it. If this work is itself the fix for the customer problem, set `kind: fix` and it is no longer reported.',
  'scope-refactor/cleans-up': 'Task {task} reads as a refactor: it cleans up internals customers never see. A rescue release ships the fix for the one customer problem, not a rework: park it. If this work is itself the fix for the customer problem, set `kind: fix` and it is no longer reported.',
  'scope-refactor/replaces-layer': 'Task {task} reads as a refactor: it swaps a library, a framework or an internal layer. A rescue release ships the fix for the one customer problem, not a rework: park it. If this work is itself the fix for the customer problem, set `kind: fix` and it is no longer reported.',
  'scope-refactor/moves-to-library': 'Task {task} reads as a refactor: it moves the code to another library or framework. A rescue release ships the fix for the one customer problem, not a rework: park it. If this work is itself the fix for the customer problem, set `kind: fix` and it is no longer reported.',
  'scope-late-addition': 'Task {task} was added on {added}, after the scope froze on {frozen} (freeze.scope). Park it, or have the scope owner trade it for something of equal size.',
  'scope-late-addition/feature': 'Task {task} is a new feature added on {added}, after feature requests stopped on {frozen} (freeze.features). Park it for the next release, or set `kind:` if it is not a feature.',
  /** The task has no `added:`; git says who added it and when (`{commit}` is the commit's short hash). */
  'scope-late-addition/git': 'Task {task} was added on {added} by {author} (commit {commit}), after the scope froze on {frozen} (freeze.scope). Park it, or have the scope owner trade it for something of equal size.',
  'scope-late-addition/git-feature': 'Task {task} is a new feature added on {added} by {author} (commit {commit}), after feature requests stopped on {frozen} (freeze.features). Park it for the next release, or set `kind:` if it is not a feature.',
  /** As above, when the commit that brought the task into the main line is a merge: `{author}` merged it. */
  'scope-late-addition/git-merge': 'Task {task} was merged in on {added} by {author} (merge commit {commit}), after the scope froze on {frozen} (freeze.scope). Park it, or have the scope owner trade it for something of equal size.',
  'scope-late-addition/git-feature-merge': 'Task {task} is a new feature merged in on {added} by {author} (merge commit {commit}), after feature requests stopped on {frozen} (freeze.features). Park it for the next release, or set `kind:` if it is not a feature.',
  /** The four above, when git records no name for the author. */
  'scope-late-addition/git-unnamed': 'Task {task} was added on {added} by an unnamed author (commit {commit}), after the scope froze on {frozen} (freeze.scope). Park it, or have the scope owner trade it for something of equal size.',
  'scope-late-addition/git-feature-unnamed': 'Task {task} is a new feature added on {added} by an unnamed author (commit {commit}), after feature requests stopped on {frozen} (freeze.features). Park it for the next release, or set `kind:` if it is not a feature.',
  'scope-late-addition/git-merge-unnamed': 'Task {task} was merged in on {added} by an unnamed author (merge commit {commit}), after the scope froze on {frozen} (freeze.scope). Park it, or have the scope owner trade it for something of equal size.',
  'scope-late-addition/git-feature-merge-unnamed': 'Task {task} is a new feature merged in on {added} by an unnamed author (merge commit {commit}), after feature requests stopped on {frozen} (freeze.features). Park it for the next release, or set `kind:` if it is not a feature.',
  /** A freeze has passed and nothing dates these tasks: `{tasks}` lists at most five of them. */
  'scope-added-unknown/scope/one': 'The plan cannot tell whether scope grew after it froze on {frozen} (freeze.scope): task {task} has no valid `added:` date, and no commit in the plan\'s history dates it. Write the day it joined the release as `added:`.',
  'scope-added-unknown/scope': 'The plan cannot tell whether scope grew after it froze on {frozen} (freeze.scope): {count} tasks ({tasks}) have no valid `added:` date, and no commit in the plan\'s history dates them. Write the day each joined the release as `added:`.',
  'scope-added-unknown/scope/more': 'The plan cannot tell whether scope grew after it froze on {frozen} (freeze.scope): {count} tasks ({tasks} and {more} more) have no valid `added:` date, and no commit in the plan\'s history dates them. Write the day each joined the release as `added:`.',
  'scope-added-unknown/features/one': 'The plan cannot tell whether a new feature joined after feature requests stopped on {frozen} (freeze.features): feature task {task} has no valid `added:` date, and no commit in the plan\'s history dates it. Write the day it joined the release as `added:`.',
  'scope-added-unknown/features': 'The plan cannot tell whether new features joined after feature requests stopped on {frozen} (freeze.features): {count} feature tasks ({tasks}) have no valid `added:` date, and no commit in the plan\'s history dates them. Write the day each joined the release as `added:`.',
  'scope-added-unknown/features/more': 'The plan cannot tell whether new features joined after feature requests stopped on {frozen} (freeze.features): {count} feature tasks ({tasks} and {more} more) have no valid `added:` date, and no commit in the plan\'s history dates them. Write the day each joined the release as `added:`.',
  /** The go/no-go's reason when a freeze is written but is not a date. */
  'scope-added-unknown/unreadable-freeze': 'The plan cannot tell whether scope grew after a freeze: `freeze:` is not a map of dates (its finding says why). Write it as `freeze:` with `scope:` and `features:` dates under it.',
  'scope-added-unknown/unreadable-scope': 'The plan cannot tell whether scope grew after the scope freeze: `freeze.scope` is not a date (date-invalid). Write it as YYYY-MM-DD.',
  'scope-added-unknown/unreadable-features': 'The plan cannot tell whether new features joined after feature requests stopped: `freeze.features` is not a date (date-invalid). Write it as YYYY-MM-DD.',
  /** Related information: one task the finding above is about. */
  'scope-added-unknown/task': 'Task {task} has no valid `added:` date.',
  'scope-over-capacity/one-person/target': 'Open estimates add up to {days}, but 1 person has {available} before target. Cut scope until it fits.',
  'scope-over-capacity/target': 'Open estimates add up to {days}, but {count} people have {available} before target. Cut scope until it fits.',
  'scope-over-capacity/one-person/release-day': 'Open estimates add up to {days}, but 1 person has {available} before the release today. Cut scope until it fits.',
  'scope-over-capacity/release-day': 'Open estimates add up to {days}, but {count} people have {available} before the release today. Cut scope until it fits.',
  'scope-over-capacity/one-person/backup': 'Open estimates add up to {days}, but 1 person has {available} before the backup date. Cut scope until it fits.',
  'scope-over-capacity/backup': 'Open estimates add up to {days}, but {count} people have {available} before the backup date. Cut scope until it fits.',
});

export function checkScope(ctx: RuleContext): void {
  const release = ctx.release;
  if (!release) return;
  const { source } = release;
  const limits = ctx.limits;

  const open = ctx.openTasks();
  if (open.length > limits.open_tasks) {
    ctx.report(source, ['tasks'], 'scope-too-many-tasks', messages('scope-too-many-tasks', { count: counted(open.length, 'open-task'), limit: limits.open_tasks }));
  }

  const risky = open.filter(({ task }) => (task.risk ?? []).some(Boolean));
  // One list shared by every finding: rendered once per check.
  const riskyLabels = risky.map(({ task, index }) => taskLabel(task, index));
  risky.slice(limits.risky_tasks).forEach(({ task, index }) => {
    ctx.report(source, ['tasks', index, 'risk'], 'scope-too-risky', messages('scope-too-risky', { count: counted(risky.length, 'open-risky-task'), tasks: riskyLabels, limit: limits.risky_tasks, task: taskLabel(task, index) }));
  });

  checkRefactors(ctx);
  // After launch there is no freeze to guard and no date to fit work before (the horizon is gone).
  if (!ctx.afterLaunch()) {
    checkLateAdditions(ctx);
    checkUndatedJoins(ctx);
  }
  checkCapacity(ctx);
}

/**
 * Titles that describe reworking what exists rather than fixing the customer problem. "Clean up"
 * and "tidy" count only with an internal object ("the database layer", "the deployment setup"),
 * since "Clean up expired sessions nightly" is product behaviour; "rewrite" and "rework" not with
 * copy ("Rewrite the error messages"); "rebuild" not for data rebuilt on a schedule ("Rebuild the
 * search index nightly"); "replace", "migrate", "switch" only with a library, framework, language,
 * platform or an internal layer, so "Replace Stripe with Adyen" (a provider) and "Switch to annual
 * billing" (a product choice) are features.
 */
const INTERNALS = String.raw`(?:code(?:base)?|layers?|modules?|setup|config(?:uration)?|architecture|structure|internals|legacy|tech(?:nical)? debt|dependencies|deps|build|pipeline|infra(?:structure)?|repo(?:sitory)?|folders?|imports|classes|components?|services?|models?|schema|css|styles(?:heets?)?|tests|test suite|scripts?|helpers?|utils|handlers?|state machine|backend|frontend|api|database|db|monolith|workflows?|deployment)`;
/** What "replace the …" swaps when it is a refactor: a structural part, not a piece of the product. */
const LAYERS = String.raw`(?:code(?:base)?|layers?|modules?|engine|backend|frontend|stack|implementation|internals|architecture|monolith|orm)`;
const LIBRARIES = String.raw`(?:librar(?:y|ies)|frameworks?|component library|sdk|orm|toolkit|ui kit|design system|state management|bundler|build system|react|vue|angular|svelte|next\.?js|typescript|kotlin|swiftui|jetpack compose|graphql|microservices?)`;
/** Well-known libraries, frameworks, build tools and data stores, named in titles as themselves. */
const KNOWN = String.raw`(?:moment(?:\.?js)?|date-fns|dayjs|luxon|lodash|underscore|ramda|jquery|redux|mobx|zustand|recoil|vuex|pinia|axios|webpack|vite|rollup|parcel|esbuild|babel|swc|gulp|grunt|browserify|jest|mocha|vitest|jasmine|karma|cypress|playwright|puppeteer|selenium|enzyme|bootstrap|tailwind(?:\s?css)?|material[ -]ui|mui|chakra(?: ui)?|ant design|bulma|styled-components|emotion|sass|scss|less|postcss|express(?:\.?js)?|koa|fastify|nest\.?js|hapi|next\.?js|nuxt|gatsby|remix|sveltekit|react(?: native)?|preact|vue(?:\.?js)?|angular(?:\.?js)?|svelte|ember|backbone|knockout|typescript|coffeescript|graphql|apollo|relay|prisma|sequelize|typeorm|knex|mongoose|drizzle|eslint|tslint|prettier|npm|yarn|pnpm|lerna|nx|turborepo|storybook|d3|chart\.js|highcharts|three\.js|socket\.io|rxjs|immutable\.js|formik|yup|zod|joi|django|flask|fastapi|rails|sinatra|spring(?: boot)?|hibernate|laravel|symfony|celery|sidekiq|resque|log4j|logback|junit|testng|pytest|gradle|maven|sbt|cocoapods|carthage|swiftui|uikit|jetpack compose|rxjava|retrofit|okhttp|dagger|hilt|realm|core data|entity framework|postgres(?:ql)?|mysql|mariadb|mongo(?:db)?|dynamodb|redis|memcached|elasticsearch|opensearch|solr|cassandra|sqlite|kafka|rabbitmq|kubernetes|k8s|docker|terraform|ansible|jenkins|circleci|travis(?: ci)?|github actions|gitlab ci)`;
/** Languages and platforms code is ported to ("Port the API to Go" — "Go" only capitalised). */
const PLATFORMS = String.raw`(?:rust|golang|java|kotlin|swift|objective-c|typescript|javascript|python|ruby|elixir|erlang|scala|clojure|haskell|c#|c\+\+|\.net|dotnet|node(?:\.?js)?|deno|bun|php|dart|flutter|react native|webassembly|wasm|aws|gcp|google cloud|azure|kubernetes|k8s|lambda|serverless)`;
/** A known name, not the start of a product noun ("the Express plan", "Redis-backed sessions" stays a name). */
const named = (names: string) => String.raw`(?<![\w.-])${names}(?![\w-]|\.\w|\s+(?:plan|tier|shipping|delivery|checkout|mode|account|pricing|subscription|billing)\b)`;
const PORT_VERBS = String.raw`(?:port(?:s|ed|ing)?|re-?writ(?:e|es|ing)|re-?implement(?:s|ed|ing)?|rebuild(?:s|ing)?|migrat(?:e|es|ing)|mov(?:e|es|ing))`;
/** Words that make a title about copy, not code: "Rework the onboarding e-mails". */
const COPY = String.raw`(?:copy|text|wording|messages?|e-?mails?|docs|documentation|help|faq|titles?|descriptions?|instructions|labels?)`;
/** What is rebuilt as routine data work: "Rebuild the search index nightly". */
const REBUILT_DATA = String.raw`(?:index(?:es)?|indices|caches?|thumbnails|previews|sitemaps?|feeds?|reports?|snapshots?|totals)`;
const SCHEDULE = String.raw`(?:nightly|daily|hourly|weekly|monthly|every|on deploy|on each deploy|on demand)`;

// Compiled once, not per task title (a 1000-task plan tests each title against all of them).
const KNOWN_NAME = new RegExp(String.raw`^${KNOWN}$`, 'i');
const PORTED_TO = new RegExp(String.raw`\b${PORT_VERBS}\b.*\b(?:to|in|into|onto|on)\s+(?:the\s+)?(?:${named(PLATFORMS)}|(?<![\w.-])Go(?![\w-]|\s+live\b))`, 'i');
const REWRITE = new RegExp(String.raw`\b(?:re-?writ(?:e|es|ing)|re-?work(?:s|ing)?)\b(?!.*\b${COPY}\b)`, 'i');
const ROUTINE_REBUILD = new RegExp(String.raw`\b${SCHEDULE}\b|\brebuild(?:s|ing)?\s+(?:(?:the|all|our)\s+)?(?:[\w-]+\s+)?${REBUILT_DATA}\b(?!\s+(?:layer|service|engine|module))`, 'i');
const CLEANUP = new RegExp(String.raw`\b(?:clean(?:-|\s+)?up|cleanup|tidy(?:\s+up)?)\b.*\b${INTERNALS}\b`, 'i');
const REPLACE_LAYER = new RegExp(String.raw`\breplac(?:e|es|ing)\b.*(?:\b${LIBRARIES}\b|\b${LAYERS}\b)`, 'i');
const MOVE_TO_LIBRARY = new RegExp(String.raw`\b(?:migrat(?:e|es|ing)|port(?:s|ing)?|mov(?:e|es|ing)|switch(?:es|ing)?)\b.*\bto\b.*(?:\b${LIBRARIES}\b|${named(KNOWN)})`, 'i');

/** A known library, "something.js" or an npm scope ("@acme/ui"). */
function isLibrary(name: string): boolean {
  const bare = name.trim().replace(/^(?:the|our|a|an)\s+/i, '').replace(/[.,;:!?)]+$/, '');
  return KNOWN_NAME.test(bare) || /(?:\.js|js)$/i.test(bare) || /^@[\w-]+\/[\w.-]+$/.test(bare);
}

/**
 * "Replace Moment.js with date-fns", "Migrate from Webpack to Vite", "Replace lodash with native
 * array methods": one side is a library. "Replace Stripe with Adyen" swaps providers, a product
 * decision, and "Replace e-mail with SMS for login codes" is a feature.
 */
function librarySwap(title: string): boolean {
  const swap = /\breplac(?:e|es|ing)\s+(.+?)\s+(?:with|by)\s+(\S+(?:\s\S+)?)/i.exec(title) ?? /\b(?:migrat(?:e|es|ing)|mov(?:e|es|ing)|switch(?:es|ing)?|port(?:s|ing)?)\b.*?\bfrom\s+(.+?)\s+to\s+(\S+(?:\s\S+)?)/i.exec(title);
  if (!swap) return false;
  const sides = [swap[1] as string, (swap[2] as string).split(/\s+(?:for|in|on|across)\b/i)[0] as string];
  return sides.some((side) => isLibrary(side) || isLibrary(side.split(/\s+/)[0] as string));
}

/** Why a title reads as a refactor: each reason has its own `scope-refactor/…` sentence. */
export type RefactorReason = 'restructures' | 'ports' | 'swaps-library' | 'rewrites' | 'rebuilds' | 'cleans-up' | 'replaces-layer' | 'moves-to-library';

const REFACTOR_TITLES: [(title: string) => boolean, RefactorReason][] = [
  [(t) => /\b(?:refactor(?:ing|s)?|re-?architect(?:ing|ure)?|restructur(?:e|ing))\b/i.test(t), 'restructures'],
  [(t) => PORTED_TO.test(t.replace(/\bgo\b/g, '')), 'ports'],
  [(t) => librarySwap(t), 'swaps-library'],
  [(t) => REWRITE.test(t), 'rewrites'],
  [(t) => /\brebuild(?:s|ing)?\b/i.test(t) && !ROUTINE_REBUILD.test(t), 'rebuilds'],
  [(t) => /\b(?:re-?implement(?:s|ed|ing)?|moderni[sz](?:e|es|ing))\b/i.test(t), 'rebuilds'],
  [(t) => CLEANUP.test(t), 'cleans-up'],
  [(t) => REPLACE_LAYER.test(t), 'replaces-layer'],
  [(t) => MOVE_TO_LIBRARY.test(t), 'moves-to-library'],
];

/** Why an open task's title reads as a refactor, or undefined. */
export function refactorReason(title: unknown): RefactorReason | undefined {
  if (typeof title !== 'string') return undefined;
  return REFACTOR_TITLES.find(([matches]) => matches(title))?.[1];
}

function checkRefactors(ctx: RuleContext): void {
  const source = ctx.release?.source;
  if (!source) return;
  for (const { task, index } of ctx.openTasks()) {
    const label = taskLabel(task, index);
    if (task.kind === 'refactor') {
      ctx.report(source, ['tasks', index, 'kind'], 'scope-refactor', messages('scope-refactor', { task: label }), { prefer: 'value' });
      continue;
    }
    // `kind: fix` is the team saying this rework is how the customer problem gets fixed.
    const reason = task.kind === 'fix' ? undefined : refactorReason(task.title);
    if (reason) {
      ctx.report(source, ['tasks', index, 'title'], 'scope-refactor', messages(`scope-refactor/${reason}`, { task: label }), { prefer: 'value' });
    }
  }
}

/**
 * After freeze.scope nothing joins; after freeze.features no new feature joins. One finding per
 * task. The day a task joined is its `added:`; without one, the commit that added it (the plan's
 * git history, when the check has it), and the finding then names who added it. `added:` written
 * in the file wins over git; a task already in the plan's first commit is its starting scope.
 */
function checkLateAdditions(ctx: RuleContext): void {
  const release = ctx.release;
  if (!release) return;
  const { source, data } = release;
  const scopeFreeze = dayNumber(data.freeze?.scope);
  const featureFreeze = dayNumber(data.freeze?.features);
  const timeline = ctx.timeline();
  // A freeze deleted (or made unreadable) after a task joined late does not make the task early:
  // git's history still knows the freeze in force when the task was committed.
  if (scopeFreeze === undefined && featureFreeze === undefined && !timeline?.origins.some((origin) => origin.afterFreeze !== undefined)) return;
  const keys = taskKeyCounts(ctx);
  for (const { task, index } of ctx.tasks()) {
    const label = taskLabel(task, index);
    const feature = (task.kind ?? 'feature') === 'feature';
    const added = dayNumber(task.added);
    if (added !== undefined) {
      if (scopeFreeze !== undefined && added > scopeFreeze) {
        ctx.report(source, ['tasks', index, 'added'], 'scope-late-addition', messages('scope-late-addition', { task: label, added: String(task.added), frozen: String(data.freeze?.scope) }), { prefer: 'value' });
      } else if (featureFreeze !== undefined && added > featureFreeze && feature) {
        ctx.report(source, ['tasks', index, 'added'], 'scope-late-addition', messages('scope-late-addition/feature', { task: label, added: String(task.added), frozen: String(data.freeze?.features) }), { prefer: 'value' });
      }
      continue;
    }
    // An `added:` the schema dropped (not a date) is still the file's word: date-invalid says what is wrong.
    if (!timeline || source.node(['tasks', index, 'added']) !== undefined) continue;
    // A shared id or title does not say which task git saw join: such a task is undated (scope-added-unknown).
    const origin = originOf(timeline, task, keys);
    const joined = origin && !origin.initial ? dayNumber(origin.date) : undefined;
    if (!origin || joined === undefined) continue;
    const path = ['tasks', index, task.id !== undefined ? 'id' : 'title'];
    // Late against the freeze the file names now, or against the one in force when the commit was
    // made (a freeze pushed back after it passed, even in the same commit, does not make the task early).
    const frozen =
      scopeFreeze !== undefined && joined > scopeFreeze
        ? { freeze: 'scope' as const, day: String(data.freeze?.scope) }
        : origin.afterFreeze === 'scope' && origin.frozen !== undefined
        ? { freeze: 'scope' as const, day: origin.frozen }
        : featureFreeze !== undefined && joined > featureFreeze && feature
        ? { freeze: 'features' as const, day: String(data.freeze?.features) }
        : origin.afterFreeze === 'features' && origin.frozen !== undefined && feature
        ? { freeze: 'features' as const, day: origin.frozen }
        : undefined;
    if (!frozen) continue;
    ctx.report(source, path, 'scope-late-addition', lateByGit(frozen.freeze, origin, { task: label, added: origin.date, commit: shortCommit(origin.commit), frozen: frozen.day }), { prefer: 'value' });
  }
}

/** Tasks that may have joined after a freeze that has passed, with nothing to tell when they joined. */
export interface UndatedJoins {
  /** The freeze they may have broken: `scope` when it has passed (every task), else `features` (feature tasks). */
  freeze: 'scope' | 'features';
  /** That freeze's day, as written. */
  frozen: string;
  tasks: IndexedTask[];
  /** The freeze is written but is not a date (date-invalid reports it): no task can be judged against it. */
  unreadable?: true;
  /** The sentence that says so (the finding's, and the go/no-go's reason for question 1). */
  message: Message;
}

const undated = new WeakMap<RuleContext, UndatedJoins | null>();

/**
 * The tasks whose joining day nobody can tell while a freeze they could have broken has passed
 * (today is after it): no valid `added:` (an invalid one is not replaced by git), and no commit of the plan's history that added them —
 * there is no history (the browser, `--no-git`, no repository), it is cut off before them, or they
 * are not committed yet. A task of the plan's first commit is its starting scope, so it is dated.
 * `scope-late-addition` cannot judge these tasks, so the go/no-go's first question needs an answer
 * rather than passing by default. Computed once per check; undefined when every task is dated.
 */
export function undatedJoins(ctx: RuleContext): UndatedJoins | undefined {
  const known = undated.get(ctx);
  if (known !== undefined) return known ?? undefined;
  const found = findUndatedJoins(ctx);
  undated.set(ctx, found ?? null);
  return found;
}

const LISTED = 5;

function findUndatedJoins(ctx: RuleContext): UndatedJoins | undefined {
  const release = ctx.release;
  const data = release?.data;
  const today = dayNumber(ctx.today);
  if (!release || !data || today === undefined) return undefined;
  const scopeFreeze = dayNumber(data.freeze?.scope);
  const featureFreeze = dayNumber(data.freeze?.features);
  // `freeze:` written but not a map of dates (a date or a list; schema says why): nothing tells what it guards.
  const rawFreeze = valueAt(release.source.data, ['freeze']);
  if (rawFreeze !== undefined && rawFreeze !== null && !isPlainObject(rawFreeze)) {
    return { freeze: 'scope', frozen: '', tasks: [], unreadable: true, message: messages('scope-added-unknown/unreadable-freeze') };
  }
  // A freeze written but not a date (date-invalid says why): the plan cannot tell what it guards.
  const unreadable = (['scope', 'features'] as const).find((which) => {
    const raw = valueAt(release.source.data, ['freeze', which]);
    return raw !== undefined && raw !== null && dayNumber(data.freeze?.[which]) === undefined;
  });
  if (unreadable === 'scope' || (unreadable === 'features' && !(scopeFreeze !== undefined && today > scopeFreeze))) {
    return { freeze: unreadable, frozen: '', tasks: [], unreadable: true, message: messages(`scope-added-unknown/unreadable-${unreadable}`) };
  }
  const freeze = scopeFreeze !== undefined && today > scopeFreeze ? 'scope' : featureFreeze !== undefined && today > featureFreeze ? 'features' : undefined;
  if (!freeze) return undefined;
  const freezeDay = (freeze === 'scope' ? scopeFreeze : featureFreeze) as number;
  const timeline = ctx.timeline();
  const keys = taskKeyCounts(ctx);
  const tasks = ctx.tasks().filter(({ task, index }) => {
    if (freeze === 'features' && (task.kind ?? 'feature') !== 'feature') return false;
    if (dayNumber(task.added) !== undefined) return false;
    // An `added:` that is not a date is still the file's word (as for scope-late-addition): git does not date that task.
    if (release.source.node(['tasks', index, 'added']) !== undefined) return true;
    const origin = timeline ? originOf(timeline, task, keys) : undefined;
    if (!origin) return true;
    // The plan's first version is its starting scope only if it was committed by the freeze: a plan
    // first committed later (adopted mid-release, moved, squashed) does not say when its tasks joined.
    if (origin.initial) return !(dayNumber(origin.date) !== undefined && (dayNumber(origin.date) as number) <= freezeDay);
    return dayNumber(origin.date) === undefined;
  });
  if (tasks.length === 0) return undefined;
  const frozen = String(freeze === 'scope' ? data.freeze?.scope : data.freeze?.features);
  const labels = tasks.slice(0, LISTED).map(({ task, index }) => taskLabel(task, index));
  const [first] = tasks;
  const message =
    tasks.length === 1 && first
      ? messages(`scope-added-unknown/${freeze}/one`, { frozen, task: taskLabel(first.task, first.index) })
      : tasks.length <= LISTED
        ? messages(`scope-added-unknown/${freeze}`, { frozen, count: tasks.length, tasks: labels })
        : messages(`scope-added-unknown/${freeze}/more`, { frozen, count: tasks.length, tasks: labels, more: tasks.length - LISTED });
  return { freeze, frozen, tasks, message };
}

/** A task's identity in the plan's history: its id, else its title (as the timeline pairs versions). */
function taskKey(task: IndexedTask['task']): string | undefined {
  return task.id !== undefined ? String(task.id) : typeof task.title === 'string' ? task.title : undefined;
}

const keyCounts = new WeakMap<RuleContext, Map<string, number>>();

/** How many tasks of the plan share each identity (once per check): a shared one does not say which task git saw join. */
function taskKeyCounts(ctx: RuleContext): Map<string, number> {
  const known = keyCounts.get(ctx);
  if (known) return known;
  const counts = new Map<string, number>();
  keyCounts.set(ctx, counts);
  for (const { task } of ctx.tasks()) {
    const key = taskKey(task);
    if (key !== undefined) counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

/** The commit that added `task`, when its identity is its own (not shared with another task of the plan). */
function originOf(timeline: Timeline, task: IndexedTask['task'], keys: ReadonlyMap<string, number>): TaskOrigin | undefined {
  const key = taskKey(task);
  return key !== undefined && keys.get(key) === 1 ? taskOrigin(timeline, key) : undefined;
}

/** One finding on the freeze that has passed, each undated task as related information. */
function checkUndatedJoins(ctx: RuleContext): void {
  const release = ctx.release;
  const found = undatedJoins(ctx);
  // An unreadable freeze is date-invalid's finding; the go/no-go still reads it as an open question.
  if (!release || !found || found.unreadable) return;
  const related = found.tasks.map(({ task, index }) => ctx.related(release.source, ['tasks', index, task.id !== undefined ? 'id' : 'title'], messages('scope-added-unknown/task', { task: taskLabel(task, index) })));
  ctx.report(release.source, ['freeze', found.freeze], 'scope-added-unknown', found.message, { prefer: 'value', related });
}

/** The git variant of a late addition's message: scope or feature freeze, a merge or not, the author named or not (git may record an empty name). */
function lateByGit(freeze: 'scope' | 'features', origin: TaskOrigin, facts: { task: MessageArg; added: string; commit: string; frozen: string }) {
  const author = origin.author;
  if (author.trim() === '') {
    if (freeze === 'scope') return messages(origin.merge ? 'scope-late-addition/git-merge-unnamed' : 'scope-late-addition/git-unnamed', facts);
    return messages(origin.merge ? 'scope-late-addition/git-feature-merge-unnamed' : 'scope-late-addition/git-feature-unnamed', facts);
  }
  if (freeze === 'scope') return messages(origin.merge ? 'scope-late-addition/git-merge' : 'scope-late-addition/git', { ...facts, author });
  return messages(origin.merge ? 'scope-late-addition/git-feature-merge' : 'scope-late-addition/git-feature', { ...facts, author });
}

function checkCapacity(ctx: RuleContext): void {
  const release = ctx.release;
  const horizon = ctx.horizon();
  if (!release || !horizon) return;
  const daysLeft = ctx.workingDaysLeft(horizon);
  const open = ctx.openTasks();
  const estimated = open.reduce((sum, { task }) => sum + (task.estimate ?? 0), 0);
  if (estimated === 0) return;
  // Without team.yaml the team is whoever owns open work; a group label or "Ana/Bo" is not a person.
  const owners = open.flatMap(({ task }) => {
    const verdict = ctx.people.judge(task.owner);
    return verdict.kind === 'ok' || verdict.kind === 'unknown' ? [ctx.people.canonical(verdict.person)] : [];
  });
  const team = ctx.people.names.length > 0 ? ctx.people.names : [...new Set(owners)];
  if (team.length === 0) return; // nobody named yet: the owner rules come first
  const available = team.reduce((sum, person) => sum + (daysLeft * ctx.people.capacity(person)) / 5, 0);
  if (estimated > available) {
    const facts = { days: counted(Math.round(estimated * 10) / 10, 'day'), available: counted(Math.round(available * 10) / 10, 'working-day') };
    const before = horizonKey(horizon.name);
    ctx.report(release.source, ['tasks'], 'scope-over-capacity', team.length === 1 ? messages(`scope-over-capacity/one-person/${before}`, facts) : messages(`scope-over-capacity/${before}`, { ...facts, count: team.length }));
  }
}
