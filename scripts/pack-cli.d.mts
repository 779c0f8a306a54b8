// Types of what scripts/pack-cli.mjs exports, for test/unit/cli-package.test.ts.
export declare const FROM_ROOT: readonly string[];
export declare function cliManifest(root?: Record<string, unknown>, cli?: Record<string, unknown>): Record<string, unknown>;
export declare function expectedFiles(schemas?: readonly string[]): string[];
