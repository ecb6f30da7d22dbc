/** Types of scripts/localize-functions.cjs, for the tests. */
export interface ParameterMetadata {
  name: string;
  description?: string;
  type?: string;
  dimensionality?: string;
  optional?: boolean;
}
export interface FunctionMetadata {
  id: string;
  name: string;
  description?: string;
  helpUrl?: string;
  parameters?: ParameterMetadata[];
  [key: string]: unknown;
}
export interface Metadata {
  functions: FunctionMetadata[];
  [key: string]: unknown;
}
export interface TranslationTable {
  [id: string]: { description: string; parameters?: Record<string, string> };
}
export const LOCALES: readonly { tag: string; lang: string }[];
export const HELP_LANGS: readonly string[];
export function helpPage(baseUrl: string, lang: string): string;
export function helpAnchor(id: string): string;
export function localizeMetadata(metadata: Metadata, table: TranslationTable, page: string): Metadata;
export function missingTranslations(metadata: Metadata, table: TranslationTable): string[];
export function functionReference(metadata: Metadata, lang: string): string;
export function helpHtml(template: string, metadata: Metadata, lang: string): string;
export class LocalizeFunctionsPlugin {
  constructor(options: { baseUrl: string; i18nDir: string; helpDir: string; metadata?: string });
  apply(compiler: unknown): void;
}
