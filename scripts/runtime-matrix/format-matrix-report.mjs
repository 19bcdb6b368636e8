/** The matrix result as a Markdown table (pasteable into a PR or the README) and a closing line. */
export function formatMatrixReport(results, totalSeconds) {
  const rows = results.map((result) => [
    result.runtime.label,
    result.version || "-",
    result.source || "-",
    result.status === "pass" ? "pass" : result.status === "unavailable" ? "FAIL: could not install" : "FAIL",
    result.seconds.toFixed(1),
  ]);
  const header = ["runtime", "version", "installed from", "result", "seconds"];
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => row[column].length)),
  );
  const line = (cells) => `| ${cells.map((cell, column) => cell.padEnd(widths[column])).join(" | ")} |`;
  const table = [line(header), line(widths.map((width) => "-".repeat(width))), ...rows.map(line)];

  const failures = results
    .filter((result) => result.status !== "pass")
    .map((result) => {
      const failed = result.checks.find((check) => !check.ok);
      const why = result.error || (failed ? `${failed.name}: ${failed.detail}` : "no check ran");
      return `${result.runtime.label}: ${why}`;
    });
  const passed = results.filter((result) => result.status === "pass").length;
  const summary = `runtime matrix: ${passed} of ${results.length} runtimes passed in ${totalSeconds.toFixed(0)} s`;
  return [...table, ...(failures.length > 0 ? ["", ...failures] : []), "", summary].join("\n");
}
