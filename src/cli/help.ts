import type { Command } from "./command";

const PROGRAM = "inspection-ready";
/** Help lines stay within this many characters, so they read in an ordinary terminal without wrapping. */
const WIDTH = 110;

const EXIT_CODES = "Exit codes: 0 success; 1 the command ran and found problems; 2 usage error or unreadable input.";

/** `inspection-ready --help`: every command's synopsis and what it does, in the order they are listed. */
export function generalHelp(commands: readonly Command[]): string {
  return [
    "Inspection Ready: inspection preparation workbooks for children's services.",
    "",
    "Usage:",
    ...commands.flatMap((command) => [...synopsis(command, "  "), ...about(command, "      ")]),
    "",
    `Run ${PROGRAM} COMMAND --help for what each of a command's options does.`,
    "",
    EXIT_CODES,
  ].join("\n");
}

/** `inspection-ready COMMAND --help`: the synopsis, what it does, and each argument and option. */
export function commandHelp(command: Command): string {
  const positionals = (command.positionals ?? []).map((p) => ({ label: p.name, text: p.description }));
  const options = Object.entries(command.options).map(([name, spec]) => ({
    label: spec.type === "string" ? `--${name} ${spec.valueName ?? "VALUE"}` : `--${name}`,
    text: spec.description,
  }));
  options.push({ label: "--help", text: "Print this help." });
  const labelWidth = Math.max(...[...positionals, ...options].map((row) => row.label.length));
  const table = (rows: { label: string; text: string }[]) =>
    rows.flatMap(({ label, text }) =>
      fill(text.split(" "), `  ${label.padEnd(labelWidth)}  `, " ".repeat(labelWidth + 4)),
    );
  return [
    "Usage:",
    ...synopsis(command, "  "),
    "",
    ...about(command, ""),
    ...(positionals.length > 0 ? ["", "Arguments:", ...table(positionals)] : []),
    "",
    "Options:",
    ...table(options),
    "",
    EXIT_CODES,
  ].join("\n");
}

/**
 * `inspection-ready NAME USAGE`, broken between its top-level parts so that "[--onsite …]" or
 * "dd/mm/yyyy hh:mm" is never split, with later lines lined up under the first argument.
 */
function synopsis(command: Command, indent: string): string[] {
  const head = `${indent}${PROGRAM} ${command.name} `;
  return fill(topLevelParts(command.usage), head, " ".repeat(head.length));
}

/** The summary and the description as paragraphs; the summary leads the first. */
function about(command: Command, indent: string): string[] {
  const [first = "", ...more] = command.description.split("\n");
  const paragraphs = [`${command.summary} ${first}`.trim(), ...more];
  return paragraphs.flatMap((paragraph) => fill(paragraph.split(" "), indent, indent));
}

/** The parts of a synopsis: split at spaces that are neither inside brackets nor inside quotes. */
function topLevelParts(usage: string): string[] {
  const parts: string[] = [];
  let current = "";
  let depth = 0;
  let quoted = false;
  for (const char of usage) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && char === "[") depth++;
    else if (!quoted && char === "]") depth--;
    if (char === " " && depth === 0 && !quoted) {
      if (current) parts.push(current);
      current = "";
    } else {
      current += char;
    }
  }
  if (current) parts.push(current);
  return parts;
}

/** Words laid out in lines of at most WIDTH characters; a word longer than a line gets a line of its own. */
function fill(words: string[], firstPrefix: string, restPrefix: string): string[] {
  const lines: string[] = [];
  let line = firstPrefix;
  let empty = true;
  for (const word of words.filter((w) => w !== "")) {
    if (!empty && line.length + 1 + word.length > WIDTH) {
      lines.push(line);
      line = restPrefix;
      empty = true;
    }
    line += empty ? word : ` ${word}`;
    empty = false;
  }
  lines.push(line.trimEnd());
  return lines;
}
