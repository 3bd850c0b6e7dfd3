/** The library API: load, audit, render. No console, no process. */
export { loadDataset, openFile, openStdin, type Input, type LoadOptions } from './load/index.js';
export { createDatasetBuilder, type DatasetBuilder, type MessageInput, type SourceOptions } from './load/builder.js';
export { derive, type Derived } from './derive/index.js';
export { detectors } from './detectors/index.js';
export { runAudit, type AuditOptions } from './scoring/run-audit.js';
export { renderJson } from './render/json.js';
export { renderText } from './render/text.js';
export { renderMarkdown } from './render/markdown.js';
export { renderHtml } from './render/html.js';
export { compareAudits, type Comparison } from './scoring/compare.js';
export { renderCompareMarkdown, renderCompareText } from './render/compare.js';
export { AuditResult, auditResultJsonSchema, SCHEMA_VERSION, type AuditResultT } from './model/result.js';
export type { Dataset } from './model/dataset.js';
export { QUESTIONS, type Answers, type Question } from './quiz/questions.js';
export { auditAnswers, declareSignals, declaredOptions } from './quiz/declare.js';
export { parseAnswers, renderAnswersFile } from './quiz/answers-file.js';
