/** Formats figures the same way in every table. */
export const figure = {
  /** `1.83×`, or `0.0030×` for small ratios (two significant digits) */
  ratio: (value: number): string => {
    if (!Number.isFinite(value)) return "n/a";
    return value !== 0 && Math.abs(value) < 0.1 ? `${value.toPrecision(2)}×` : `${value.toFixed(2)}×`;
  },
  /** `1,234` or `1.23` for fractions. */
  count: (value: number, fractionDigits = 0): string =>
    value.toLocaleString("en-US", {
      minimumFractionDigits: fractionDigits,
      maximumFractionDigits: fractionDigits,
    }),
  /** `12.3 ms`, `1.24 s`, `84 µs` */
  duration: (ms: number): string => {
    if (ms === 0) return "0 s";
    if (ms >= 1000) return `${(ms / 1000).toFixed(2)} s`;
    if (ms >= 1) return `${ms.toFixed(ms >= 100 ? 0 : 1)} ms`;
    return `${Math.round(ms * 1000)} µs`;
  },
  /** `3.4 MB`, `7.12 KB` (powers of 1,024, as heap tools print them). */
  bytes: (bytes: number): string => {
    const sign = bytes < 0 ? "-" : "";
    const size = Math.abs(bytes);
    if (size >= 1024 * 1024) return `${sign}${(size / 1024 / 1024).toFixed(1)} MB`;
    if (size >= 1024) return `${sign}${(size / 1024).toFixed(2)} KB`;
    return `${sign}${size} B`;
  },
};
