import * as z from 'zod/mini';
import { ENVIRONMENTS, GONOGO_QUESTION_IDS, KINDS, RISKS, SHIP_OUTCOMES, STATUSES } from './lists';

export * from './lists';

/**
 * The v1 file format. Field names are a contract shared with users' files and the generated JSON
 * Schemas: add fields, never rename them. Required-ness that a rule reports with its own code
 * (a missing problem, target, backup, stable version) is listed in DEDICATED_MISSING instead of
 * surfacing as a generic `schema` finding.
 *
 * Every description (`describe()`) is a noun phrase that completes "`tasks[0].estimate` must be …": the
 * `schema` message for a value of the wrong type uses it, and YAML editors show it on hover.
 */

/** Issues raised by a date field carry this message, so they become `date-invalid` findings. */
export const DATE_ISSUE = 'date-invalid';

/**
 * The text YAML editors show on hover and the `schema` message uses ("must be …"). zod/mini has no
 * `.describe()`: the description goes into zod's global registry, where `toJSONSchema` and
 * `descriptionOf` read it. Returns the schema itself.
 */
export function describe<T extends z.ZodMiniType>(schema: T, description: string): T {
  z.globalRegistry.add(schema, { description });
  return schema;
}

/** The description `describe` gave this schema node, if any. */
export function descriptionOf(schema: unknown): string | undefined {
  return typeof schema === 'object' && schema !== null && z.globalRegistry.has(schema as z.ZodMiniType) ? z.globalRegistry.get(schema as z.ZodMiniType)?.description : undefined;
}

const optional = z.optional;
const text = () => z.string();
const textOrNumber = () => z.union([z.string(), z.number()]);
const isoDate = () => describe(z.iso.date({ error: DATE_ISSUE }), 'A calendar date, YYYY-MM-DD.');
const person = () => describe(z.string(), 'The name of one person, e.g. Ana.');
// A list is accepted here so that owner-multiple, not `schema`, says what to do about it.
const personField = () => describe(z.union([person(), z.array(z.string())]), 'The name of one person, e.g. Ana.');
const nonnegative = () => z.number().check(z.nonnegative());

/** Fields a team may add to a task or the release without failing the check. */
const EXTRA_FIELDS = {
  description: describe(optional(text()), 'Text that says more about it.'),
  notes: describe(optional(text()), 'Text: notes for the team.'),
  links: describe(
    optional(z.array(z.union([describe(z.string(), 'A URL.'), z.strictObject({ title: optional(text()), url: describe(z.string(), 'A URL.') })]))),
    'A list of links: each a URL, or a map with `title:` and `url:`.',
  ),
  // Tracker keys are common enough that rejecting them would fail CI on reasonable plans.
  jira: describe(optional(textOrNumber()), 'A tracker key, e.g. PAY-123.'),
  ticket: describe(optional(textOrNumber()), 'A ticket key or number, e.g. 4711.'),
};

/** Keys starting with this are the team's own and never checked (`x-priority: high`). */
export const EXTENSION_PREFIX = 'x-';

/** Object schemas that also accept any `x-` key; jsonSchemas() turns this into patternProperties. */
const EXTENSIBLE = new WeakSet<object>();

/**
 * A strict object that also allows `x-…` keys with any value. Other unknown keys are reported as
 * `unrecognized_keys`, the same issue a strict object gives, so validate() treats both alike.
 */
export function isExtensible(schema: unknown): boolean {
  return typeof schema === 'object' && schema !== null && EXTENSIBLE.has(schema);
}

function extensibleObject<Shape extends z.core.$ZodLooseShape>(shape: Shape) {
  const schema = z.catchall(z.object(shape), z.unknown()).check(
    z.superRefine(
      (value: Record<string, unknown>, ctx) => {
        const unknown = Object.keys(value).filter((key) => !Object.hasOwn(shape, key) && !key.startsWith(EXTENSION_PREFIX));
        if (unknown.length > 0) ctx.addIssue({ code: 'unrecognized_keys', keys: unknown, input: value });
      },
      // Also when a field is wrong or missing, like a strict object: a misspelled `problme:`
      // must be named even while `problem` is missing.
      { when: (payload) => typeof payload.value === 'object' && payload.value !== null && !Array.isArray(payload.value) },
    ),
  );
  EXTENSIBLE.add(schema);
  return schema;
}

export const TaskSchema = extensibleObject({
  id: describe(textOrNumber(), 'A unique id, e.g. T1.'),
  title: describe(z.string(), 'Text saying what is done, in a few words.'),
  owner: optional(personField()),
  status: describe(optional(z.enum(STATUSES)), 'The state of the task; todo when absent.'),
  estimate: describe(optional(nonnegative()), 'A number: the working days left (0.5 for half a day).'),
  risk: optional(z.array(z.enum(RISKS))),
  kind: describe(optional(z.enum(KINDS)), 'The kind of work; feature when absent.'),
  added: describe(optional(isoDate()), 'The day the task joined the release.'),
  rollback: describe(optional(text()), 'Text saying how this task is undone.'),
  blocker: describe(optional(text()), 'Text saying what blocks the task.'),
  clears: describe(optional(person()), 'The one person who removes the blocker.'),
  ...EXTRA_FIELDS,
});

export const ParkedSchema = z.strictObject({
  title: z.string(),
  reason: optional(text()),
  asked_by: optional(text()),
  told: describe(optional(z.union([isoDate(), z.literal(false)])), 'The date stakeholders were told (YYYY-MM-DD), or false.'),
});

export const ReleaseSchema = extensibleObject({
  release: describe(z.string().check(z.minLength(1)), 'A short name for the release, e.g. billing-v1.'),
  problem: describe(z.string(), 'The one customer problem this release solves, in one sentence.'),
  target: isoDate(),
  backup: describe(isoDate(), 'The backup date, after target.'),
  freeze: optional(
    z.strictObject({
      scope: describe(optional(isoDate()), 'The day testing starts: tasks added later are late.'),
      features: describe(optional(isoDate()), 'The day new feature requests stopped.'),
    }),
  ),
  roles: optional(
    z.strictObject({
      scope: optional(personField()),
      delivery: optional(personField()),
      readiness: optional(personField()),
      stop: optional(personField()),
    }),
  ),
  dry_run: optional(
    z.strictObject({
      date: optional(isoDate()),
      environment: optional(z.enum(ENVIRONMENTS)),
      notes: optional(text()),
    }),
  ),
  rescue: describe(optional(z.boolean()), 'A flag, true for a rescue release after missed ones (the next two keep the same release-readiness owner and rollback check).'),
  tasks: optional(z.array(TaskSchema)),
  parked: optional(z.array(ParkedSchema)),
  shipped: describe(
    optional(
      z.strictObject({
        date: describe(isoDate(), 'The day the release went out, was rolled back, or was called a slip.'),
        outcome: describe(z.enum(SHIP_OUTCOMES), 'The outcome of the release: shipped, rolled-back or slipped.'),
        version: describe(optional(textOrNumber()), 'The version that went out, e.g. 1.5.0.'),
      }),
    ),
    'The record of how the release ended (`release-plan ship` writes it): once its date has come, the rules switch to after-launch mode.',
  ),
  ...EXTRA_FIELDS,
});

export const TriggerSchema = z.strictObject({
  signal: z.string(),
  threshold: optional(textOrNumber()),
  for: describe(optional(text()), 'The time the signal must hold, e.g. 5m.'),
});

export const RehearsalSchema = z.strictObject({
  date: isoDate(),
  environment: optional(text()),
  minutes: optional(nonnegative()),
  by: optional(text()),
  notes: optional(text()),
});

export const RollbackSchema = z.strictObject({
  stable: optional(
    z.strictObject({
      version: textOrNumber(),
      build: optional(text()),
      config: optional(text()),
      migrations: optional(text()),
      flags: optional(text()),
    }),
  ),
  roles: optional(
    z.strictObject({
      decides: optional(personField()),
      runs: optional(personField()),
      verifies: optional(personField()),
    }),
  ),
  triggers: optional(z.array(TriggerSchema)),
  steps: optional(z.array(z.string())),
  target_minutes: optional(z.number().check(z.positive())),
  rehearsals: optional(z.array(RehearsalSchema)),
});

export const TeamSchema = z.strictObject({
  people: optional(
    z.array(
      z.strictObject({
        name: z.string(),
        aliases: optional(z.array(z.string())),
        capacity: describe(optional(z.number().check(z.minimum(0), z.maximum(7))), 'The days per week this person works on the release, 0 to 7.'),
      }),
    ),
  ),
});

const limit = () => optional(z.number().check(z.int(), z.nonnegative()));

export const ConfigSchema = z.strictObject({
  limits: optional(
    z.strictObject({
      open_tasks: limit(),
      open_tasks_per_owner: limit(),
      risky_tasks: limit(),
      runbook_steps: limit(),
      rehearsal_age_days: limit(),
      dry_run_age_days: limit(),
    }),
  ),
  team_labels: describe(optional(z.array(z.string())), 'A list of extra words that name a group rather than a person.'),
  rules: describe(optional(z.record(z.string(), z.enum(['off', 'info', 'warning', 'error']))), 'A map of severity overrides by rule code, e.g. scope-refactor: error.'),
});

export const CheckinSchema = z.strictObject({
  shipped: optional(z.array(z.string())),
  blocks: optional(
    z.array(
      z.strictObject({
        what: z.string(),
        clears: optional(person()),
      }),
    ),
  ),
  notes: optional(text()),
});


const gonogoAnswers = () =>
  optional(
    z.array(
      z.strictObject({
        id: z.enum(GONOGO_QUESTION_IDS),
        answer: z.union([z.enum(['yes', 'no']), z.boolean()]),
        evidence: optional(text()),
      }),
    ),
  );

/** One decision of the day: the file's own fields hold the latest, `earlier` the ones before it. */
const gonogoDecision = () => ({
  decision: z.enum(['go', 'no-go']),
  decided_by: optional(text()),
  reason: describe(optional(text()), 'The reason for the decision; needed for a no-go, so the team knows what to fix.'),
  at: describe(optional(text()), 'The time of day of the decision, HH:MM (local), when the day has several.'),
  answers: gonogoAnswers(),
});

export const GonogoSchema = z.strictObject({
  ...gonogoDecision(),
  earlier: describe(
    optional(z.array(z.strictObject(gonogoDecision()))),
    "The day's earlier decisions, kept with their evidence when the go/no-go is run again the same day; the latest (the file's own fields) counts.",
  ),
});

/** The post-release review (`review.yaml`): what to fix before the team ships again. */
export const ReviewSchema = z.strictObject({
  scope_growth: describe(
    optional(
      z.array(
        z.strictObject({
          what: describe(z.string(), 'Text: the work that joined the release late.'),
          allowed_by: describe(optional(person()), 'The one person who allowed it in.'),
          when: describe(optional(isoDate()), 'The day it joined the release.'),
          why: describe(optional(text()), 'Text: why it was let in.'),
        }),
      ),
    ),
    'A list of what joined the release after the freeze: what, who allowed it, when.',
  ),
  pattern: describe(optional(text()), 'Text: what pushed the team past its limit, as a pattern (not the latest example), in one sentence.'),
  blocked: describe(
    optional(
      z.array(
        z.strictObject({
          what: describe(z.string(), 'Text: what blocked the work.'),
          days: describe(optional(z.array(isoDate())), 'A list of the days it was reported (from the check-ins).'),
          clears: optional(person()),
        }),
      ),
    ),
    'A list of what blocked the work, from the daily check-ins.',
  ),
  changed: describe(
    optional(
      z.array(
        z.strictObject({
          what: describe(z.string(), 'Text: what changed, in one sentence.'),
          why: describe(optional(text()), 'Text: why it worked, in one sentence.'),
        }),
      ),
    ),
    'A list of what the team changed and why it worked, one sentence each.',
  ),
  keep: describe(optional(z.array(z.string())), 'A list of what stays the same for the next two releases (the owner, the planning window, the rollback check).'),
});

export type Release = z.infer<typeof ReleaseSchema>;
export type Task = z.infer<typeof TaskSchema>;
export type Parked = z.infer<typeof ParkedSchema>;
export type Shipped = NonNullable<Release['shipped']>;
export type ShipOutcome = (typeof SHIP_OUTCOMES)[number];
export type Rollback = z.infer<typeof RollbackSchema>;
export type Rehearsal = z.infer<typeof RehearsalSchema>;
export type Team = z.infer<typeof TeamSchema>;
export type Config = z.infer<typeof ConfigSchema>;
export type Checkin = z.infer<typeof CheckinSchema>;
export type Gonogo = z.infer<typeof GonogoSchema>;
export type Review = z.infer<typeof ReviewSchema>;

/** Which schema checks which file, by file name pattern inside `.release/`. */
export const FILE_SCHEMAS = {
  release: { schema: ReleaseSchema, glob: 'release.yaml', title: 'Release plan' },
  rollback: { schema: RollbackSchema, glob: 'rollback.yaml', title: 'Rollback runbook' },
  team: { schema: TeamSchema, glob: 'team.yaml', title: 'Team' },
  config: { schema: ConfigSchema, glob: 'config.yaml', title: 'Release Plan configuration' },
  checkin: { schema: CheckinSchema, glob: 'checkins/*.yaml', title: 'Daily check-in' },
  gonogo: { schema: GonogoSchema, glob: 'gonogo/*.yaml', title: 'Go/no-go record' },
  review: { schema: ReviewSchema, glob: 'review.yaml', title: 'Post-release review' },
} as const;

export type FileKind = keyof typeof FILE_SCHEMAS;

/** Missing fields that a rule reports under its own code: kind → top-level path → code. */
export const DEDICATED_MISSING: Partial<Record<FileKind, Record<string, string>>> = {
  release: { problem: 'problem-missing', target: 'date-target-missing', backup: 'date-backup-missing' },
  rollback: { 'stable.version': 'rollback-no-stable' },
};

/** JSON Schemas (draft-7, input shape) for YAML editors, keyed by file kind. */
export function jsonSchemas(): Record<FileKind, object> {
  const out = {} as Record<FileKind, object>;
  for (const [kind, { schema, title }] of Object.entries(FILE_SCHEMAS) as [FileKind, (typeof FILE_SCHEMAS)[FileKind]][]) {
    out[kind] = { title, ...z.toJSONSchema(schema, { target: 'draft-7', io: 'input', unrepresentable: 'any', override: allowExtensions }) };
  }
  return out;
}

/** For EXTENSIBLE objects: `x-` keys allowed, every other unknown key refused, as validate() does. */
function allowExtensions(ctx: { zodSchema: unknown; jsonSchema: Record<string, unknown> }): void {
  if (!EXTENSIBLE.has(ctx.zodSchema as object)) return;
  ctx.jsonSchema.patternProperties = { [`^${EXTENSION_PREFIX}`]: {} };
  ctx.jsonSchema.additionalProperties = false;
}
