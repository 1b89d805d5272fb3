import { parseArgs as nodeParseArgs, type ParseArgsConfig } from "node:util";
import { UserError } from "../domain/userError";
import type { Command, OptionSpec, OptionSpecs, ParsedArgs } from "./command";

/** A usage mistake: the CLI prints the message and exits with code 2. */
export class UsageError extends UserError {}

type Token = NonNullable<ReturnType<typeof nodeParseArgs>["tokens"]>[number];
type OptionToken = Extract<Token, { kind: "option" }>;
type NodeOptions = NonNullable<ParseArgsConfig["options"]>;

/** The flags in the form node:util's parseArgs takes them. */
function nodeOptions(options: OptionSpecs): NodeOptions {
  return Object.fromEntries(Object.entries(options).map(([name, spec]) => [name, { type: spec.type }]));
}

/**
 * Where the command is in argv, and whether --help was asked for. Flags may come before the command
 * (`inspection-ready --json frameworks`), so argv is read with every command's flags: a valued flag's
 * value is then never taken for the command. Nothing is refused here; the command's own parse does that.
 */
export function locateCommand(
  argv: string[],
  allOptions: OptionSpecs,
): { name: string | undefined; rest: string[]; help: boolean } {
  const { tokens } = nodeParseArgs({
    args: argv,
    options: { ...nodeOptions(allOptions), help: { type: "boolean" } },
    strict: false,
    allowPositionals: true,
    tokens: true,
  });
  const help = tokens.some((t) => t.kind === "option" && t.name === "help");
  const first = tokens.find((t) => t.kind === "positional");
  if (!first) return { name: undefined, rest: argv, help };
  return { name: first.value, rest: argv.filter((_, i) => i !== first.index), help };
}

/**
 * Reads a command's arguments with node:util's parseArgs, strictly: an unknown flag, a missing value or
 * a value given to a switch is refused, so a typo is never silently ignored. parseArgs lets a repeated
 * flag overwrite the first; that is refused too, as the user meant one of them and we cannot tell which.
 */
export function parseCommandArgs(command: Command, argv: string[]): ParsedArgs {
  let parsed;
  try {
    parsed = nodeParseArgs({
      args: argv,
      options: nodeOptions(command.options),
      strict: true,
      allowPositionals: true,
      tokens: true,
    });
  } catch (error) {
    if (isParseArgsError(error)) throw explain(command, argv, error);
    throw error;
  }
  refuseRepeats(parsed.tokens);
  return { positionals: parsed.positionals, values: parsed.values as ParsedArgs["values"] };
}

/** parseArgs's errors are known by their code; under Jest they come from another realm, so not instanceof Error. */
function isParseArgsError(error: unknown): error is { code: string; message: string } {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" && code.startsWith("ERR_PARSE_ARGS_");
}

/**
 * parseArgs's own messages are terse and technical ("Option '--out <value>' argument missing"), so the
 * arguments are read again leniently, which yields every token, and the first mistake is named in our
 * words. Mistakes in how a flag is given come before unknown flags, as they always have.
 */
function explain(command: Command, argv: string[], error: { message: string }): UsageError {
  const { tokens } = nodeParseArgs({
    args: argv,
    options: nodeOptions(command.options),
    strict: false,
    allowPositionals: true,
    tokens: true,
  });
  const options = tokens.filter((t): t is OptionToken => t.kind === "option");
  refuseRepeats(options);
  for (const token of options) {
    const spec = specOf(command, token.name);
    if (!spec || !isLong(token)) continue;
    if (spec.type === "boolean" && token.value !== undefined) return new UsageError(`--${token.name} takes no value`);
    if (spec.type === "string") {
      const value = token.value;
      if (value === undefined || (!token.inlineValue && value.startsWith("--"))) {
        return new UsageError(`--${token.name} needs a value`);
      }
      if (!token.inlineValue && value.startsWith("-")) {
        // parseArgs takes a value that starts with "-" for a forgotten one; `--flag=-value` is unambiguous.
        return new UsageError(
          `--${token.name} needs a value; to give one that starts with "-", write --${token.name}=${value}`,
        );
      }
    }
  }
  const unknown = options.find((t) => !specOf(command, t.name) || !isLong(t));
  if (unknown) {
    const known = Object.keys(command.options).map((name) => `--${name}`);
    const refusal = `${command.name} does not know`;
    if (isLong(unknown)) return new UsageError(`${refusal} --${unknown.name}; it takes ${known.join(", ")}`);
    // A short flag such as -j, or a file name that starts with "-": shown as typed, with the way round it.
    const given = argv[unknown.index]!;
    return new UsageError(
      `${refusal} ${given}; it takes ${known.join(", ")} (a file name that starts with "-" goes after --)`,
    );
  }
  return new UsageError(error.message);
}

/** The command's own option of that name; never one inherited from Object, such as --toString. */
function specOf(command: Command, name: string): OptionSpec | undefined {
  return Object.hasOwn(command.options, name) ? command.options[name] : undefined;
}

function isLong(token: OptionToken): boolean {
  return token.rawName.startsWith("--");
}

function refuseRepeats(tokens: readonly Token[]): void {
  const seen = new Set<string>();
  for (const token of tokens) {
    if (token.kind !== "option" || !isLong(token)) continue;
    if (seen.has(token.name)) throw new UsageError(`--${token.name} is given twice`);
    seen.add(token.name);
  }
}
