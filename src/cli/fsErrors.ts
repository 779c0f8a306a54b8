import { fsReasonMessage } from '../core/fsReasons';
import { render, type Message } from '../core/message';

/** A failure the CLI reports as one line `release-plan: <message>` and exit code 2. */
export class CliFailure extends Error {}

/** Plain words for a file-system error (core's, by its code), else node's text without the syscall and path. */
export function fsReason(error: unknown): string {
  const said = fsReasonArg(error);
  return typeof said === 'string' ? said : render(said);
}

/** The same as a message value: core's words as a message (translatable), node's own text as is. */
export function fsReasonArg(error: unknown): Message | string {
  const known = fsReasonMessage(errorCode(error));
  if (known) return known;
  const message = error instanceof Error ? error.message : String(error);
  return message.replace(/^[A-Z]+: /, '').replace(/, \w+ '.*'$/, '');
}

export function errorCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

/** True for an error that node's file-system calls throw (it has an errno code like ENOENT). */
export function isFsError(error: unknown): error is NodeJS.ErrnoException {
  const code = errorCode(error);
  return code !== undefined && /^E[A-Z]+$/.test(code);
}
