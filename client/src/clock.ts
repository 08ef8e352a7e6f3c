// When the client bundle began to run, on the extension host's clock. This module is the first
// import of extension.ts, so in the bundle it runs before any other module's top-level code.

/** Milliseconds since the epoch, sub-millisecond: `performance.timeOrigin + performance.now()`. */
export function now(): number {
  return performance.timeOrigin + performance.now();
}

export const bundleStarted = now();
