/**
 * The client's connection messages name its own options, which the CLI does not have: here a CA is
 * trusted with --ca-file, and a proxy is set only by HTTPS_PROXY/HTTP_PROXY. The client's phrases (pinned
 * by the CLI's end-to-end tests against real TLS and proxy failures) and what the CLI says instead.
 */
const CLIENT_OPTION_PHRASES: ReadonlyArray<readonly [RegExp, string]> = [
  [/the `ca` option \(atlas-export: --ca-file\)/g, "--ca-file FILE"],
  [/ or the `proxy` option/g, ""],
];

/** `text` with the client's option names replaced by what a CLI user types. */
export function nameCliFlags(text: string): string {
  return CLIENT_OPTION_PHRASES.reduce((result, [phrase, flag]) => result.replace(phrase, flag), text);
}
