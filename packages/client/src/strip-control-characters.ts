// ECMA-48 control functions a terminal acts on, longest form first:
// - strings (OSC ESC ], DCS ESC P, SOS ESC X, PM ESC ^, APC ESC _, or their C1 forms) run to BEL or ST
//   (ESC \ or 0x9C); an unterminated one runs to the end, as a terminal would swallow it (OSC 8 links,
//   window titles);
// - CSI (ESC [ or 0x9B) parameters, intermediates and a final byte (cursor moves, clears, colours);
// - any other escape: ESC, intermediates 0x20-0x2F, a final byte 0x30-0x7E;
// - then every remaining C0 control, DEL and C1 control, and the Unicode bidirectional overrides and
//   isolates (U+202A-U+202E, U+2066-U+2069), which reorder what a terminal shows.
const CONTROL_SEQUENCE = new RegExp(
  [
    String.raw`(?:\x1b[\]PX^_]|[\x90\x98\x9d\x9e\x9f])[\s\S]*?(?:\x07|\x1b\\|\x9c|$)`,
    String.raw`(?:\x1b\[|\x9b)[\x30-\x3f]*[\x20-\x2f]*[\x40-\x7e]?`,
    String.raw`\x1b[\x20-\x2f]*[\x30-\x7e]?`,
  ].join("|"),
  "g",
);
const LINE_BREAKS_AND_TABS = /[\t\n\v\f\r]+/g;
const OTHER_CONTROLS = /[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/g;

/**
 * Server text made safe to print on a terminal: escape sequences (colours, cursor moves, window titles,
 * OSC 8 hyperlinks) are removed whole, line breaks and tabs become one space (a value cannot forge a line
 * of its own), and any other C0, DEL or C1 control character and bidirectional override is dropped.
 * Printable text is unchanged.
 */
export function stripControlCharacters(text: string): string {
  return text.replace(CONTROL_SEQUENCE, "").replace(LINE_BREAKS_AND_TABS, " ").replace(OTHER_CONTROLS, "");
}
