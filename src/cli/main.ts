import { UserError } from "../domain/userError";
import { UsageError, locateCommand, parseCommandArgs } from "./args";
import type { Command, OptionSpecs } from "./command";
import { COMMANDS } from "./commands";
import { commandHelp, generalHelp } from "./help";
import { EXIT_OK, EXIT_USAGE, consoleOutput, type Output } from "./output";

/** Runs one CLI invocation and returns its exit code; never calls process.exit, so tests can call it. */
export async function main(
  argv: string[],
  output: Output = consoleOutput,
  now: Date = new Date(),
  commands: readonly Command[] = COMMANDS,
): Promise<number> {
  try {
    const { name, rest, help } = locateCommand(argv, allOptions(commands));
    if (name === undefined || name === "help") {
      // `help COMMAND` is the same as `COMMAND --help`.
      const topic = name === "help" ? locateCommand(rest, allOptions(commands)).name : undefined;
      if (topic !== undefined) {
        output.out(commandHelp(find(commands, topic)));
        return EXIT_OK;
      }
      // Asked for, help is the answer (stdout, 0); with nothing to do, it explains the mistake (stderr, 2).
      if (name === undefined && !help) {
        output.err(generalHelp(commands));
        return EXIT_USAGE;
      }
      output.out(generalHelp(commands));
      return EXIT_OK;
    }
    const command = find(commands, name);
    if (help) {
      output.out(commandHelp(command));
      return EXIT_OK;
    }
    return await command.run(parseCommandArgs(command, rest), output, now);
  } catch (error) {
    if (error instanceof UserError) {
      output.err(`inspection-ready: ${error.message}`);
      return EXIT_USAGE;
    }
    throw error;
  }
}

function find(commands: readonly Command[], name: string): Command {
  const command = commands.find((c) => c.name === name);
  if (!command) throw new UsageError(`"${name}" is not a command; run inspection-ready --help for the list`);
  return command;
}

/** Every command's flags together, so a flag given before the command name is still read rightly. */
function allOptions(commands: readonly Command[]): OptionSpecs {
  return Object.assign({}, ...commands.map((c) => c.options)) as OptionSpecs;
}
