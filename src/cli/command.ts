import type { Output } from "./output";

/** A flag a command takes: a switch (`--json`) or one that needs a value (`--out OUT.xlsx`). */
export interface OptionSpec {
  type: "string" | "boolean";
  /** What the value stands for in help, e.g. "OUT.xlsx"; only for a "string" option. */
  valueName?: string;
  /** One or two sentences for `COMMAND --help`. */
  description: string;
}

export type OptionSpecs = Readonly<Record<string, OptionSpec>>;

/** A file name or other argument given without a flag, described for `COMMAND --help`. */
export interface PositionalSpec {
  name: string;
  description: string;
}

/** The flags as given: the text of a valued flag, true for a switch; absent when not given. */
export type OptionValues<O extends OptionSpecs> = {
  readonly [K in keyof O]?: O[K]["type"] extends "string" ? string : true;
};

export interface ParsedArgs<O extends OptionSpecs = OptionSpecs> {
  positionals: string[];
  values: OptionValues<O>;
}

/**
 * One CLI command, declared once: the parser, the general help and `COMMAND --help` are all made from
 * this, so a flag cannot be accepted without being documented, or documented without being accepted.
 * The order of `options` is the order they are listed in help and in "it takes …" messages.
 */
export interface Command<O extends OptionSpecs = OptionSpecs> {
  name: string;
  /** One sentence: what the command does. */
  summary: string;
  /** What follows `inspection-ready NAME` in a synopsis, e.g. "FILE.xlsx [--json]". */
  usage: string;
  /** More about it, after the summary; a line break starts a new paragraph. */
  description: string;
  options: O;
  positionals?: readonly PositionalSpec[];
  /** Runs the command and returns its exit code (see output.ts); a UserError is reported by main. */
  run(args: ParsedArgs<O>, output: Output, now: Date): number | Promise<number>;
}

/**
 * Declares a command. Only here so `args.values` is typed from the command's own options: a misspelt
 * flag name in `run` is a compile error rather than a flag that is never read.
 */
export function defineCommand<const O extends OptionSpecs>(command: Command<O>): Command {
  return command;
}
