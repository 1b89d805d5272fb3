import { UserError } from "../domain/userError";
/** A usage mistake: the CLI prints the message and exits with code 2. */
export class UsageError extends UserError {}

export interface ParsedArgs {
  command: string | undefined;
  positionals: string[];
  flags: Map<string, string | true>;
}

/**
 * Splits argv into a command, positionals and --flags. Flags named in `valued` take the next argument
 * (or `--flag=value`); every other flag is a switch. Unknown flags are reported by each command, which
 * knows its own.
 */
export function parseArgs(argv: string[], valued: ReadonlySet<string>): ParsedArgs {
  const positionals: string[] = [];
  const flags = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (!arg.startsWith("--") || arg === "--") {
      positionals.push(arg);
      continue;
    }
    const [name, inline] = splitOnce(arg.slice(2), "=");
    if (flags.has(name)) throw new UsageError(`--${name} is given twice`);
    if (valued.has(name)) {
      const value = inline ?? argv[++i];
      if (value === undefined || (inline === undefined && value.startsWith("--"))) {
        throw new UsageError(`--${name} needs a value`);
      }
      flags.set(name, value);
    } else {
      if (inline !== undefined) throw new UsageError(`--${name} takes no value`);
      flags.set(name, true);
    }
  }
  const [command, ...rest] = positionals;
  return { command, positionals: rest, flags };
}

function splitOnce(text: string, separator: string): [string, string | undefined] {
  const at = text.indexOf(separator);
  return at < 0 ? [text, undefined] : [text.slice(0, at), text.slice(at + 1)];
}

/** Refuses flags a command does not know, so a typo is never silently ignored. */
export function allowOnly(args: ParsedArgs, command: string, known: string[]): void {
  for (const name of args.flags.keys()) {
    if (!known.includes(name)) {
      throw new UsageError(`${command} does not know --${name}; it takes ${known.map((k) => `--${k}`).join(", ")}`);
    }
  }
}

export function stringFlag(args: ParsedArgs, name: string): string | undefined {
  const value = args.flags.get(name);
  return typeof value === "string" ? value : undefined;
}
