// The version of Communiqué, set by the build (scripts/build.mjs defines __VERSION__ from package.json).

declare const __VERSION__: string | undefined;

/** "0.1.0" in a bundle; "0.0.0-dev" when the sources run unbundled (tests compiled by tsc). */
export const VERSION = typeof __VERSION__ === 'string' ? __VERSION__ : '0.0.0-dev';
