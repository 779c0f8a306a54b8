import * as z from 'zod';

/**
 * The v1 file format. Field names are a contract shared with users' files and the generated JSON
 * Schemas: add fields, never rename them. Required-ness that a rule reports with its own code
 * (a missing problem, target, backup, stable version) is listed in DEDICATED_MISSING instead of
 * surfacing as a generic `schema` finding.
 */

/** Issues raised by a date field carry this message, so they become `date-invalid` findings. */
export const DATE_ISSUE = 'date-invalid';

const isoDate = () => z.iso.date({ error: DATE_ISSUE }).describe('A calendar date, YYYY-MM-DD.');
const person = () => z.string().describe('One named person.');
const personField = () => z.union([person(), z.array(z.string())]).describe('One named person (a list is reported as several owners).');

export const RISKS = ['permissions', 'billing', 'migration', 'multi-service'] as const;
export const STATUSES = ['todo', 'doing', 'blocked', 'done'] as const;
export const KINDS = ['feature', 'fix', 'refactor', 'chore', 'test', 'ops'] as const;
export const ENVIRONMENTS = ['production-like', 'staging', 'laptop', 'other'] as const;

export const TaskSchema = z.strictObject({
  id: z.union([z.string(), z.number()]).describe('Unique id, e.g. T1.'),
  title: z.string().describe('What is done, in a few words.'),
  owner: personField().optional(),
  status: z.enum(STATUSES).optional().describe('Defaults to todo.'),
  estimate: z.number().nonnegative().optional().describe('Working days left.'),
  risk: z.array(z.enum(RISKS)).optional(),
  kind: z.enum(KINDS).optional().describe('Defaults to feature.'),
  added: isoDate().optional().describe('The day the task joined the release.'),
  rollback: z.string().optional().describe('How this task is undone.'),
  blocker: z.string().optional(),
  clears: person().optional().describe('The one person who removes the blocker.'),
  notes: z.string().optional(),
});

export const ParkedSchema = z.strictObject({
  title: z.string(),
  reason: z.string().optional(),
  asked_by: z.string().optional(),
  told: z.union([isoDate(), z.literal(false)]).optional().describe('The date stakeholders were told, or false.'),
});

export const ReleaseSchema = z.strictObject({
  release: z.string().min(1).describe('Short name of the release, e.g. billing-v1.'),
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
  tasks: z.array(TaskSchema).optional(),
  parked: z.array(ParkedSchema).optional(),
});

export const TriggerSchema = z.strictObject({
  signal: z.string(),
  threshold: z.union([z.string(), z.number()]).optional(),
  for: z.string().optional().describe('How long the signal must hold, e.g. 5m.'),
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
        capacity: z.number().min(0).max(7).optional().describe('Days per week this person works on the release.'),
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
  team_labels: z.array(z.string()).optional().describe('Extra words that name a group rather than a person.'),
  rules: z
    .record(z.string(), z.enum(['off', 'info', 'warning', 'error']))
    .optional()
    .describe('Severity overrides by rule code, e.g. scope-refactor: error.'),
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

export const GONOGO_QUESTION_IDS = ['one-problem', 'owners', 'rollback', 'dry-run', 'stakeholders'] as const;

export const GonogoSchema = z.strictObject({
  decision: z.enum(['go', 'no-go']),
  decided_by: z.string().optional(),
  reason: z.string().optional().describe('Why: required in practice for a no-go, so the team knows what to fix.'),
  answers: z
    .array(
      z.strictObject({
        id: z.enum(GONOGO_QUESTION_IDS),
        answer: z.union([z.enum(['yes', 'no']), z.boolean()]),
        evidence: z.string().optional(),
      }),
    )
    .optional(),
});

export type Release = z.infer<typeof ReleaseSchema>;
export type Task = z.infer<typeof TaskSchema>;
export type Parked = z.infer<typeof ParkedSchema>;
export type Rollback = z.infer<typeof RollbackSchema>;
export type Team = z.infer<typeof TeamSchema>;
export type Config = z.infer<typeof ConfigSchema>;
export type Checkin = z.infer<typeof CheckinSchema>;
export type Gonogo = z.infer<typeof GonogoSchema>;

/** Which schema checks which file, by file name pattern inside `.release/`. */
export const FILE_SCHEMAS = {
  release: { schema: ReleaseSchema, glob: 'release.yaml', title: 'Release plan' },
  rollback: { schema: RollbackSchema, glob: 'rollback.yaml', title: 'Rollback runbook' },
  team: { schema: TeamSchema, glob: 'team.yaml', title: 'Team' },
  config: { schema: ConfigSchema, glob: 'config.yaml', title: 'Release Plan configuration' },
  checkin: { schema: CheckinSchema, glob: 'checkins/*.yaml', title: 'Daily check-in' },
  gonogo: { schema: GonogoSchema, glob: 'gonogo/*.yaml', title: 'Go/no-go record' },
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
    out[kind] = { title, ...z.toJSONSchema(schema, { target: 'draft-7', io: 'input', unrepresentable: 'any' }) };
  }
  return out;
}
