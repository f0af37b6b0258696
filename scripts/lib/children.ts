// Child processes for scripts/start: output prefixed line by line, stopped gently then firmly.
import { spawn, type ChildProcess, type SpawnOptions } from "node:child_process";
import { createInterface } from "node:readline";
import type { Readable, Writable } from "node:stream";

const COLOURS = [36, 35, 33, 32, 34]; // cyan, magenta, yellow, green, blue
let nextColour = 0;

/** A label like "[api] " for a child's lines, coloured when the terminal is a TTY. */
export function makePrefix(name: string): string {
  const label = `[${name}]`;
  const colour = COLOURS[nextColour++ % COLOURS.length];
  return process.stdout.isTTY ? `\x1b[${colour}m${label}\x1b[0m ` : `${label} `;
}

function pipeLines(from: Readable | null, prefix: string, to: Writable, tap?: (line: string) => void): void {
  if (!from) return;
  createInterface({ input: from, crlfDelay: Infinity }).on("line", (line) => {
    to.write(prefix + line + "\n");
    tap?.(line);
  });
}

/** Spawns a command with its stdout and stderr prefixed; `tap` also gets every line as it was written. */
export function spawnPrefixed(name: string, command: string, args: string[], options: SpawnOptions, tap?: (line: string) => void): ChildProcess {
  const child = spawn(command, args, { ...options, stdio: ["ignore", "pipe", "pipe"] });
  const prefix = makePrefix(name);
  pipeLines(child.stdout, prefix, process.stdout, tap);
  pipeLines(child.stderr, prefix, process.stderr, tap);
  return child;
}

/** Runs a command to completion with prefixed output; resolves its exit code. */
export function runPrefixed(name: string, command: string, args: string[], options: SpawnOptions): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawnPrefixed(name, command, args, options);
    child.once("error", reject);
    child.once("close", (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

const isRunning = (child: ChildProcess) => child.exitCode === null && child.signalCode === null;

/** SIGTERM, then SIGKILL after `graceMs`; resolves once the child has exited. */
export async function stopChild(child: ChildProcess, graceMs = 10_000): Promise<void> {
  if (!isRunning(child)) return;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  child.kill("SIGTERM");
  const timer = setTimeout(() => {
    if (isRunning(child)) child.kill("SIGKILL");
  }, graceMs);
  await exited;
  clearTimeout(timer);
}

/** Kills whatever is still running, synchronously (for process "exit", where nothing async runs). */
export function killNow(children: Iterable<ChildProcess>): void {
  for (const child of children) {
    if (isRunning(child)) {
      try {
        child.kill("SIGKILL");
      } catch {
        // already gone
      }
    }
  }
}
