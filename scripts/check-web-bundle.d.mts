// Types of scripts/check-web-bundle.mjs, for test/unit/webBundle.test.ts.
export const WEB_BUNDLE: string;
export const WEB_BUDGET_BYTES: number;
export const NODE_GLOBALS: readonly string[];
export const ALLOWED_MODULES: readonly string[];
export interface WebBundleViolation {
  line: number;
  what: string;
}
export function webBundleViolations(code: string): WebBundleViolation[];
export function checkWebBundleFile(file: string): string[];
