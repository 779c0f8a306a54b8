/** A failure the CLI reports as one line `release-plan: <message>` and exit code 2. */
export class CliFailure extends Error {}

const REASONS: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'the operation is not permitted',
  EROFS: 'the file system is read-only',
  ENOENT: 'it does not exist',
  ENOTDIR: 'a part of the path is a file, not a folder',
  EISDIR: 'it is a folder, not a file',
  EEXIST: 'something with that name already exists',
  ELOOP: 'the path goes through a symbolic link that leads back to itself',
  ENAMETOOLONG: 'the path is too long',
  ENOSPC: 'the disk is full',
  EDQUOT: 'the disk quota is used up',
  EMFILE: 'too many files are open',
  ENFILE: 'too many files are open',
  EBUSY: 'it is in use',
  EIO: 'the disk reported an input/output error',
};

/** Plain words for a file-system error, without the syscall and path node puts in its message. */
export function fsReason(error: unknown): string {
  const code = errorCode(error);
  if (code && REASONS[code]) return REASONS[code];
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
