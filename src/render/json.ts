import type { AuditResultT } from '../model/result.js';

/** The JSON report is the AuditResult itself. */
export function renderJson(result: AuditResultT): string {
  return JSON.stringify(result, null, 2) + '\n';
}
