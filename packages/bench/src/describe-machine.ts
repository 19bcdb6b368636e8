import { readFileSync } from "node:fs";
import os from "node:os";

export interface MachineDescription {
  cpu: string;
  cores: number;
  memory: string;
  node: string;
  os: string;
  /** 1-minute load average when the run started: figures from a busy machine read differently. */
  loadAverage: string;
}

function distribution(): string | undefined {
  try {
    const release = readFileSync("/etc/os-release", "utf8");
    return /^PRETTY_NAME="?([^"\n]*)"?$/m.exec(release)?.[1];
  } catch {
    return undefined;
  }
}

/** The facts that make figures from two machines comparable (or explain why they are not). */
export function describeMachine(): MachineDescription {
  const cpus = os.cpus();
  const name = distribution();
  return {
    cpu: cpus[0]?.model.trim() ?? "unknown",
    cores: cpus.length,
    memory: `${(os.totalmem() / 1024 ** 3).toFixed(1)} GiB`,
    node: process.version,
    os: `${name ? `${name}, ` : ""}${os.type()} ${os.release()} ${os.arch()}`,
    loadAverage: os.loadavg()[0]?.toFixed(2) ?? "n/a",
  };
}
