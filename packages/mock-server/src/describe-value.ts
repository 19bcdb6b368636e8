/**
 * Describes a rejected option value for an error message ("got …") without echoing strings, which might
 * be secrets (a pasted private key, say). Takes the raw value: describing it twice reads "got a
 * 9-character string" for what was undefined.
 */
export function describeValue(value: unknown): string {
  if (value === null) return "null";
  if (value === undefined) return "undefined";
  if (Array.isArray(value)) return "an array";
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (typeof value === "bigint") return `${value}n`;
  if (typeof value === "string") {
    if (value === "") return "an empty string";
    // A numeric string would read as the number it spells.
    return value.length === 1 ? "a string of 1 character" : `a string of ${value.length} characters`;
  }
  if (typeof value === "function") return "a function";
  if (typeof value === "symbol") return "a symbol";
  if (Buffer.isBuffer(value))
    return value.length === 0 ? "an empty Buffer" : `a Buffer of ${value.length} bytes`;
  return "an object";
}
