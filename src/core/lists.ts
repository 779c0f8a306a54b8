/**
 * The plan format's fixed lists, defined once. Plain data with no dependencies, so the schemas,
 * the rules, the extension and the webview (which must not bundle zod) all import the same lists.
 */
export const RISKS = ['permissions', 'billing', 'migration', 'multi-service'] as const;
export const STATUSES = ['todo', 'doing', 'blocked', 'done'] as const;
export const KINDS = ['feature', 'fix', 'refactor', 'chore', 'test', 'ops'] as const;
export const ENVIRONMENTS = ['production-like', 'staging', 'laptop', 'other'] as const;
/** The release roles in release.yaml (`roles.*`): who decides scope, delivers, says ready, may stop. */
export const RELEASE_ROLES = ['scope', 'delivery', 'readiness', 'stop'] as const;
/** The rollback roles in rollback.yaml (`roles.*`): one decides, one runs, the rest verify. */
export const ROLLBACK_ROLES = ['decides', 'runs', 'verifies'] as const;
/** Every field that must name exactly one person: the one list quick fixes and completion read. */
export const PERSON_FIELDS = ['owner', 'clears', ...RELEASE_ROLES, ...ROLLBACK_ROLES] as const;
/** How a release ended (`shipped.outcome` in release.yaml): it went out, it went out and was rolled back, or it did not go out. */
export const SHIP_OUTCOMES = ['shipped', 'rolled-back', 'slipped'] as const;
export const GONOGO_QUESTION_IDS = ['one-problem', 'owners', 'rollback', 'dry-run', 'stakeholders'] as const;
