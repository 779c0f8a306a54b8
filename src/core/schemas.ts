import * as z from 'zod';
import { ENVIRONMENTS, GONOGO_QUESTION_IDS, KINDS, RISKS, SHIP_OUTCOMES, STATUSES } from './lists';

export * from './lists';

/**
 * The v1 file format. Field names are a contract shared with users' files and the generated JSON
 * Schemas: add fields, never rename them. Required-ness that a rule reports with its own code
 * (a missing problem, target, backup, stable version) is listed in DEDICATED_MISSING instead of
 * surfacing as a generic `schema` finding.
 *
 * Every `.describe()` is a noun phrase that completes "`tasks[0].estimate` must be …": the
 * `schema` message for a value of the wrong type uses it, and YAML editors show it on hover.
 */

/** Issues raised by a date field carry this message, so they become `date-invalid` findings. */
export const DATE_ISSUE = 'date-invalid';

const isoDate = () => z.iso.date({ error: DATE_ISSUE }).describe('A calendar date, YYYY-MM-DD.');
const person = () => z.string().describe('The name of one person, e.g. Ana.');
// A list is accepted here so that owner-multiple, not `schema`, says what to do about it.
const personField = () => z.union([person(), z.array(z.string())]).describe('The name of one person, e.g. Ana.');


/** Fields a team may add to a task or the release without failing the check. */
const EXTRA_FIELDS = {
  description: z.string().optional().describe('Text that says more about it.'),
  notes: z.string().optional().describe('Text: notes for the team.'),
  links: z
    .array(z.union([z.string().describe('A URL.'), z.strictObject({ title: z.string().optional(), url: z.string().describe('A URL.') })]))
    .optional()
    .describe('A list of links: each a URL, or a map with `title:` and `url:`.'),
  // Tracker keys are common enough that rejecting them would fail CI on reasonable plans.
  jira: z.union([z.string(), z.number()]).optional().describe('A tracker key, e.g. PAY-123.'),
  ticket: z.union([z.string(), z.number()]).optional().describe('A ticket key or number, e.g. 4711.'),
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

function extensibleObject<Shape extends z.ZodRawShape>(shape: Shape) {
  const schema = z
    .object(shape)
    .catchall(z.unknown())
    .superRefine(
      (value, ctx) => {
        const unknown = Object.keys(value).filter((key) => !Object.hasOwn(shape, key) && !key.startsWith(EXTENSION_PREFIX));
        if (unknown.length > 0) ctx.addIssue({ code: 'unrecognized_keys', keys: unknown, input: value });
      },
      // Also when a field is wrong or missing, like a strict object: a misspelled `problme:`
      // must be named even while `problem` is missing.
      { when: (payload) => typeof payload.value === 'object' && payload.value !== null && !Array.isArray(payload.value) },
    );
  EXTENSIBLE.add(schema);
  return schema;
}

export const TaskSchema = extensibleObject({
  id: z.union([z.string(), z.number()]).describe('A unique id, e.g. T1.'),
  title: z.string().describe('Text saying what is done, in a few words.'),
  owner: personField().optional(),
  status: z.enum(STATUSES).optional().describe('The state of the task; todo when absent.'),
  estimate: z.number().nonnegative().optional().describe('A number: the working days left (0.5 for half a day).'),
  risk: z.array(z.enum(RISKS)).optional(),
  kind: z.enum(KINDS).optional().describe('The kind of work; feature when absent.'),
  added: isoDate().optional().describe('The day the task joined the release.'),
  rollback: z.string().optional().describe('Text saying how this task is undone.'),
  blocker: z.string().optional().describe('Text saying what blocks the task.'),
  clears: person().optional().describe('The one person who removes the blocker.'),
  ...EXTRA_FIELDS,
});

export const ParkedSchema = z.strictObject({
  title: z.string(),
  reason: z.string().optional(),
  asked_by: z.string().optional(),
  told: z.union([isoDate(), z.literal(false)]).optional().describe('The date stakeholders were told (YYYY-MM-DD), or false.'),
});

export const ReleaseSchema = extensibleObject({
  release: z.string().min(1).describe('A short name for the release, e.g. billing-v1.'),
  problem: z.string().describe('The one customer problem this release solves, in one sentence.'),
  target: isoDate(),
  backup: isoDate().describe('The backup date, after target.'),
  freeze: z
    .strictObject({
      scope: isoDate().optional().describe('The day testing starts: tasks added later are late.'),
      features: isoDate().optional().describe('The day new feature requests stopped.'),
    })
    .optional(),
  roles: z
    .strictObject({
      scope: personField().optional(),
      delivery: personField().optional(),
      readiness: personField().optional(),
      stop: personField().optional(),
    })
    .optional(),
  dry_run: z
    .strictObject({
      date: isoDate().optional(),
      environment: z.enum(ENVIRONMENTS).optional(),
      notes: z.string().optional(),
    })
    .optional(),
  rescue: z.boolean().optional().describe('A flag, true for a rescue release after missed ones (the next two keep the same release-readiness owner and rollback check).'),
  tasks: z.array(TaskSchema).optional(),
  parked: z.array(ParkedSchema).optional(),
  shipped: z
    .strictObject({
      date: isoDate().describe('The day the release went out, was rolled back, or was called a slip.'),
      outcome: z.enum(SHIP_OUTCOMES).describe('The outcome of the release: shipped, rolled-back or slipped.'),
      version: z.union([z.string(), z.number()]).optional().describe('The version that went out, e.g. 1.5.0.'),
    })
    .optional()
    .describe('The record of how the release ended (`release-plan ship` writes it): once its date has come, the rules switch to after-launch mode.'),
  ...EXTRA_FIELDS,
});

export const TriggerSchema = z.strictObject({
  signal: z.string(),
  threshold: z.union([z.string(), z.number()]).optional(),
  for: z.string().optional().describe('The time the signal must hold, e.g. 5m.'),
});

export const RehearsalSchema = z.strictObject({
  date: isoDate(),
  environment: z.string().optional(),
  minutes: z.number().nonnegative().optional(),
  by: z.string().optional(),
  notes: z.string().optional(),
});

export const RollbackSchema = z.strictObject({
  stable: z
    .strictObject({
      version: z.union([z.string(), z.number()]),
      build: z.string().optional(),
      config: z.string().optional(),
      migrations: z.string().optional(),
      flags: z.string().optional(),
    })
    .optional(),
  roles: z
    .strictObject({
      decides: personField().optional(),
      runs: personField().optional(),
      verifies: personField().optional(),
    })
    .optional(),
  triggers: z.array(TriggerSchema).optional(),
  steps: z.array(z.string()).optional(),
  target_minutes: z.number().positive().optional(),
  rehearsals: z.array(RehearsalSchema).optional(),
});

export const TeamSchema = z.strictObject({
  people: z
    .array(
      z.strictObject({
        name: z.string(),
        aliases: z.array(z.string()).optional(),
        capacity: z.number().min(0).max(7).optional().describe('The days per week this person works on the release, 0 to 7.'),
      }),
    )
    .optional(),
});

const limit = () => z.number().int().nonnegative().optional();

export const ConfigSchema = z.strictObject({
  limits: z
    .strictObject({
      open_tasks: limit(),
      open_tasks_per_owner: limit(),
      risky_tasks: limit(),
      runbook_steps: limit(),
      rehearsal_age_days: limit(),
      dry_run_age_days: limit(),
    })
    .optional(),
  team_labels: z.array(z.string()).optional().describe('A list of extra words that name a group rather than a person.'),
  rules: z
    .record(z.string(), z.enum(['off', 'info', 'warning', 'error']))
    .optional()
    .describe('A map of severity overrides by rule code, e.g. scope-refactor: error.'),
});

export const CheckinSchema = z.strictObject({
  shipped: z.array(z.string()).optional(),
  blocks: z
    .array(
      z.strictObject({
        what: z.string(),
        clears: person().optional(),
      }),
    )
    .optional(),
  notes: z.string().optional(),
});


const gonogoAnswers = () =>
  z
    .array(
      z.strictObject({
        id: z.enum(GONOGO_QUESTION_IDS),
        answer: z.union([z.enum(['yes', 'no']), z.boolean()]),
        evidence: z.string().optional(),
      }),
    )
    .optional();

/** One decision of the day: the file's own fields hold the latest, `earlier` the ones before it. */
const gonogoDecision = () => ({
  decision: z.enum(['go', 'no-go']),
  decided_by: z.string().optional(),
  reason: z.string().optional().describe('The reason for the decision; needed for a no-go, so the team knows what to fix.'),
  at: z.string().optional().describe('The time of day of the decision, HH:MM (local), when the day has several.'),
  answers: gonogoAnswers(),
});

export const GonogoSchema = z.strictObject({
  ...gonogoDecision(),
  earlier: z
    .array(z.strictObject(gonogoDecision()))
    .optional()
    .describe("The day's earlier decisions, kept with their evidence when the go/no-go is run again the same day; the latest (the file's own fields) counts."),
});

/** The post-release review (`review.yaml`): what to fix before the team ships again. */
export const ReviewSchema = z.strictObject({
  scope_growth: z
    .array(
      z.strictObject({
        what: z.string().describe('Text: the work that joined the release late.'),
        allowed_by: person().optional().describe('The one person who allowed it in.'),
        when: isoDate().optional().describe('The day it joined the release.'),
        why: z.string().optional().describe('Text: why it was let in.'),
      }),
    )
    .optional()
    .describe('A list of what joined the release after the freeze: what, who allowed it, when.'),
  pattern: z.string().optional().describe('Text: what pushed the team past its limit, as a pattern (not the latest example), in one sentence.'),
  blocked: z
    .array(
      z.strictObject({
        what: z.string().describe('Text: what blocked the work.'),
        days: z.array(isoDate()).optional().describe('A list of the days it was reported (from the check-ins).'),
        clears: person().optional(),
      }),
    )
    .optional()
    .describe('A list of what blocked the work, from the daily check-ins.'),
  changed: z
    .array(
      z.strictObject({
        what: z.string().describe('Text: what changed, in one sentence.'),
        why: z.string().optional().describe('Text: why it worked, in one sentence.'),
      }),
    )
    .optional()
    .describe('A list of what the team changed and why it worked, one sentence each.'),
  keep: z.array(z.string()).optional().describe('A list of what stays the same for the next two releases (the owner, the planning window, the rollback check).'),
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
