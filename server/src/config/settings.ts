// The `communique.*` settings of VS Code, typed, with their defaults: one module for the client and
// the server (pure, no `vscode` import, so both bundles take it). What is personal lives here; what a
// press office shares lives in its configuration file (model.ts). Adding a setting: add it to
// `contributes.configuration` in package.json, to `CommuniqueSettings` and `readSettings` here, and
// to the settings test (which holds the two together).

/** The section the server pulls with `workspace/configuration`. */
export const SETTINGS_SECTION = 'communique';

export type TraceLevel = 'off' | 'messages' | 'verbose';

export interface CommuniqueSettings {
  /** `communique.files`: globs of Markdown and plain-text files that are releases. */
  readonly files: readonly string[];
  /** `communique.checks.disabled`: check codes not run for this user, whatever the workspace file says. */
  readonly checks: { readonly disabled: readonly string[] };
  /** `communique.inlayHints.relativeDates`: what each relative date resolved to, after it (the client shows or hides the server's hints). */
  readonly inlayHints: { readonly relativeDates: boolean };
  /** `communique.trace.server`. */
  readonly trace: { readonly server: TraceLevel };
}

export const DEFAULT_SETTINGS: CommuniqueSettings = {
  files: ['**/releases/**/*.{md,txt}', '**/press/**/*.{md,txt}'],
  checks: { disabled: [] },
  inlayHints: { relativeDates: false },
  trace: { server: 'off' },
};

function strings(value: unknown): string[] | undefined {
  return Array.isArray(value) && value.every((v) => typeof v === 'string') ? (value as string[]) : undefined;
}

function field(value: unknown, key: string): unknown {
  return value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined;
}

/** The settings from what `workspace/configuration` (or `getConfiguration('communique')`) returns; defaults for anything missing or malformed. */
export function readSettings(section: unknown): CommuniqueSettings {
  const trace = field(field(section, 'trace'), 'server');
  const relativeDates = field(field(section, 'inlayHints'), 'relativeDates');
  return {
    files: strings(field(section, 'files')) ?? DEFAULT_SETTINGS.files,
    checks: { disabled: strings(field(field(section, 'checks'), 'disabled')) ?? DEFAULT_SETTINGS.checks.disabled },
    inlayHints: { relativeDates: typeof relativeDates === 'boolean' ? relativeDates : DEFAULT_SETTINGS.inlayHints.relativeDates },
    trace: { server: trace === 'messages' || trace === 'verbose' ? trace : 'off' },
  };
}
