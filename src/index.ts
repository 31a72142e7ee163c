/**
 * handout as a library: the stages a build runs, and the types of what passes between them.
 * `npx handout outline <file> --json` prints an `Outline`; its `atAGlance` is a `SummaryTable`.
 */
export type { Outline, Section, SectionKind, Block, SummaryTable, SummaryRow, SummaryCell } from './outline/outline.js';
export type { HandoutMeta, PaperSize, SummarySettings, SummaryColumnSetting } from './read/frontMatter.js';
export type { Source, SourceFormat } from './read/readSource.js';
export type { Config, FrontMatter, LinkStyle, CheckRules } from './options/schema.js';
export type { PacketOptions, PacketReport } from './packet/packet.js';
export type { BuildListener, BuildOptions, BuildReport, DocumentResult, DocumentRow } from './collection/build.js';
export { readSource } from './read/readSource.js';
export { parseSource } from './parse/parseSource.js';
export { buildOutline } from './outline/buildOutline.js';
export { loadTemplates } from './fill/templates.js';
export { renderPdf } from './render/pdf/renderPdf.js';
export { build } from './collection/build.js';
export { settingsFor } from './options/config.js';
export { buildPacket } from './packet/packet.js';
export { buildDocument, outlineOf } from './document/buildDocument.js';
export { HandoutError, Warnings } from './diagnostics.js';
export { checkSources } from './collection/checkSources.js';
export { checkSettingsSchema, parseCheckSettings } from './check/checkSettings.js';
export type { CheckOptions, HandoutCheck } from './check/checkHandout.js';
export type { CheckSettingsInput } from './check/checkSettings.js';
export type { Finding, RuleId, Severity } from './check/findings.js';
