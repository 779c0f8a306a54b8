// Types of scripts/package-lib.mjs, for test/unit/package.test.ts.
export const ROOT: string;
export const BUDGET_BYTES: number;
export interface Manifest {
  name: string;
  version: string;
  main: string;
  browser?: string;
  icon: string;
  l10n?: string;
  repository?: string | { type?: string; url?: string };
  engines: Record<string, string>;
  devDependencies: Record<string, string>;
  [key: string]: unknown;
}
export function readManifest(root?: string): Manifest;
export function baseUrls(manifest: Partial<Manifest>): { baseContentUrl: string; baseImagesUrl: string };
export function vsixFileName(manifest: Manifest): string;
/** Path (relative to the extension root) → what needs it. */
export function requiredFiles(manifest: Manifest, root?: string): Map<string, string>;
export function packageProblems(files: readonly string[], manifest: Manifest, root?: string): string[];
export interface ZipEntry {
  name: string;
  size: number;
  compressedSize: number;
  read(): Buffer;
}
export function readZip(buffer: Buffer): ZipEntry[];
export function vsixExtensionFiles(entries: readonly ZipEntry[]): string[];
