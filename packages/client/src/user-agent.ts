declare const __ATLAS_EXPORT_CLIENT_VERSION__: string;

/** This package's version, written in at build time (tsup `define`; vitest `define` in tests). */
export const CLIENT_VERSION: string = __ATLAS_EXPORT_CLIENT_VERSION__;

/** `atlas-export/<version> (node <version>; <os>; <arch>)`, plus the caller's suffix. */
export function userAgent(suffix?: string): string {
  const base = `atlas-export/${CLIENT_VERSION} (node ${process.versions.node}; ${process.platform}; ${process.arch})`;
  return suffix ? `${base} ${suffix}` : base;
}
