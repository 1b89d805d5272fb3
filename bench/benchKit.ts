/**
 * What the CLI benches share: timing in process and as whole processes, and one way to print a figure
 * with its target and whether it is met. Timings belong here, never in tests; nothing here fails a build.
 */
import { spawn, spawnSync } from "node:child_process";
import { readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";

export const BIN = path.join(__dirname, "../../../bin/inspection-ready.js");
/** A process that loads a file with ExcelJS and nothing else: the baseline the CLI is held against. */
export const BARE_LOAD = path.join(__dirname, "bareLoad.js");
/** Loaded before the CLI to record its peak memory (see heapProbe.ts). */
export const HEAP_PROBE = path.join(__dirname, "heapProbe.js");

export function median(values: number[]): number {
  return [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
}

/**
 * The median of `times` runs, after `warmUp` runs that are not counted (the engine's code compiled and
 * optimised, as it is in a pane that runs it after every change).
 */
export async function time<T>(
  run: () => Promise<T> | T,
  times: number,
  warmUp = 0,
): Promise<{ ms: number; result: T }> {
  for (let i = 0; i < warmUp; i++) await run();
  const samples: number[] = [];
  let result!: T;
  for (let i = 0; i < times; i++) {
    const start = performance.now();
    result = await run();
    samples.push(performance.now() - start);
  }
  return { ms: median(samples), result };
}

export interface ProcessRun {
  ms: number;
  /** The exit code, or null when the run was stopped (time limit) or killed (out of memory). */
  status: number | null;
  signal: NodeJS.Signals | null;
  timedOut: boolean;
}

/** One whole `node ARGS` process, its output thrown away; stopped after `limitMs`. */
export function runNode(args: string[], limitMs = 10 * 60_000, nodeOptions: string[] = []): ProcessRun {
  const start = performance.now();
  const run = spawnSync(process.execPath, [...nodeOptions, ...args], {
    stdio: ["ignore", "ignore", "pipe"],
    timeout: limitMs,
    killSignal: "SIGKILL",
    maxBuffer: 1 << 26,
  });
  const ms = performance.now() - start;
  const timedOut = (run.error as NodeJS.ErrnoException | undefined)?.code === "ETIMEDOUT";
  return { ms, status: run.status, signal: run.signal, timedOut };
}

/**
 * The CLI against ExcelJS's bare load of the same file, both as whole processes (Node's start and the
 * modules' load counted on both sides), taken in turn A B A B … so that a machine slowing down in the
 * middle weighs on both. The ratio is of the medians. `ok` says which exit codes are the command's own.
 */
export function cliAgainstBareLoad(
  cliArgs: string[],
  file: string,
  runs: number,
  { limitMs = 5 * 60_000, ok = [0, 1] }: { limitMs?: number; ok?: number[] } = {},
): { cliMs: number; bareMs: number; ratio: number; finished: boolean } {
  const cli: number[] = [];
  const bare: number[] = [];
  for (let i = 0; i < runs; i++) {
    const run = runNode([BIN, ...cliArgs], limitMs);
    if (run.timedOut || run.status === null || !ok.includes(run.status))
      return { cliMs: run.ms, bareMs: NaN, ratio: NaN, finished: false };
    cli.push(run.ms);
    bare.push(runNode([BARE_LOAD, file]).ms);
  }
  const [cliMs, bareMs] = [median(cli), median(bare)];
  return { cliMs, bareMs, ratio: cliMs / bareMs, finished: true };
}

/**
 * Peak memory of one CLI run: the heap at its largest, read from V8's own trace of each garbage
 * collection (the heap in use when a collection began; the heap is never larger than just before one),
 * and the resident peak, the kernel's figure, through the heap probe.
 */
export async function cliMemory(
  cliArgs: string[],
  limitMs = 10 * 60_000,
): Promise<ProcessRun & { peakHeapMb: number; peakRssMb: number; heapLimitMb: number }> {
  const out = path.join(os.tmpdir(), `inspection-ready-heap-${process.pid}-${Date.now()}.json`);
  const start = performance.now();
  const child = spawn(process.execPath, ["--trace-gc", "--require", HEAP_PROBE, BIN, ...cliArgs], {
    stdio: ["ignore", "pipe", "ignore"],
    env: { ...process.env, INSPECTION_READY_HEAP_OUT: out },
  });
  let peakHeapMb = 0;
  let rest = "";
  // "[pid:0x…]  1234 ms: Mark-Compact 766.9 (781.9) -> 700.1 (779.6) MB, …": the first figure is the heap in use.
  const gcLine = /^\[\d+:0x[0-9a-f]+\]\s+\d+ ms: [^\d]*?([\d.]+) \([\d.]+\) ->/;
  child.stdout.setEncoding("utf8");
  child.stdout.on("data", (chunk: string) => {
    const lines = (rest + chunk).split("\n");
    rest = lines.pop()!;
    for (const line of lines) {
      const match = line.startsWith("[") ? gcLine.exec(line) : null;
      if (match) peakHeapMb = Math.max(peakHeapMb, Number(match[1]));
    }
  });
  const timer = setTimeout(() => child.kill("SIGKILL"), limitMs);
  const [status, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((resolve) =>
    child.on("close", (code, sig) => resolve([code, sig])),
  );
  clearTimeout(timer);
  const ms = performance.now() - start;
  let figures = { peakRssMb: NaN, heapLimitMb: NaN };
  try {
    figures = JSON.parse(readFileSync(out, "utf8"));
  } catch {
    // The process died before it could write its figures (killed, or out of memory).
  } finally {
    rmSync(out, { force: true });
  }
  return { ms, status, signal, timedOut: signal === "SIGKILL", peakHeapMb: Math.round(peakHeapMb), ...figures };
}

/** "  label   figure   target …: met" — every figure with its target says whether it is met. */
export function report(label: string, figure: string, target?: { text: string; met: boolean }): void {
  const line = `  ${label.padEnd(34)} ${figure.padEnd(22)}`;
  console.log(target ? `${line} target ${target.text}: ${target.met ? "met" : "NOT MET"}` : line.trimEnd());
}

export const ms = (value: number) => `${value.toFixed(0)} ms`;
