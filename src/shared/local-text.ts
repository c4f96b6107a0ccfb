/**
 * A sentence of the message catalogue (src/core/l10n) as plain data: its code and what fills its
 * `{name}` placeholders (values, other sentences, or lists of them). Results keep it so that each
 * view (language server, CLI, extension) words them in its own language.
 */
export type LocalParam = string | number | LocalText | readonly LocalText[];

export interface LocalText {
  /** A key of src/core/l10n/en.ts. */
  key: string;
  params?: Readonly<Record<string, LocalParam>>;
}
