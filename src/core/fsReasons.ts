import { defineMessages, type Message } from './message';

/**
 * Plain words for a file-system error, as a message (a fragment that goes after "could not be
 * read: "), by the code node gives (`EACCES`) or VS Code's `FileSystemError` gives
 * (`NoPermissions`): the CLI and the extension say the same thing, in the user's language.
 */
const messages = defineMessages({
  'fs/permission-denied': 'permission denied',
  'fs/not-permitted': 'the operation is not permitted',
  'fs/read-only': 'the file system is read-only',
  'fs/not-found': 'it does not exist',
  'fs/not-a-folder': 'a part of the path is a file, not a folder',
  'fs/is-a-folder': 'it is a folder, not a file',
  'fs/exists': 'something with that name already exists',
  'fs/link-loop': 'the path goes through a symbolic link that leads back to itself',
  'fs/name-too-long': 'the path is too long',
  'fs/disk-full': 'the disk is full',
  'fs/quota': 'the disk quota is used up',
  'fs/too-many-open': 'too many files are open',
  'fs/busy': 'it is in use',
  'fs/io': 'the disk reported an input/output error',
  'fs/unavailable': 'the file system is not available',
});

type Id = Parameters<typeof messages>[0];

const BY_CODE: Record<string, Id> = {
  EACCES: 'fs/permission-denied',
  NoPermissions: 'fs/permission-denied',
  EPERM: 'fs/not-permitted',
  EROFS: 'fs/read-only',
  ENOENT: 'fs/not-found',
  FileNotFound: 'fs/not-found',
  ENOTDIR: 'fs/not-a-folder',
  FileNotADirectory: 'fs/not-a-folder',
  EISDIR: 'fs/is-a-folder',
  FileIsADirectory: 'fs/is-a-folder',
  EEXIST: 'fs/exists',
  FileExists: 'fs/exists',
  ELOOP: 'fs/link-loop',
  ENAMETOOLONG: 'fs/name-too-long',
  ENOSPC: 'fs/disk-full',
  EDQUOT: 'fs/quota',
  EMFILE: 'fs/too-many-open',
  ENFILE: 'fs/too-many-open',
  EBUSY: 'fs/busy',
  EIO: 'fs/io',
  Unavailable: 'fs/unavailable',
};

/** The words for an error code, or undefined for a code without any (its own text is shown then, as a value). */
export function fsReasonMessage(code: string | undefined): Message | undefined {
  const id = code !== undefined && Object.hasOwn(BY_CODE, code) ? BY_CODE[code] : undefined;
  return id ? (messages as unknown as (id: string) => Message)(id) : undefined;
}
