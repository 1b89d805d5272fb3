import { defineCommand } from "../../src/cli/command";
import { COMMANDS } from "../../src/cli/commands";
import { main } from "../../src/cli/main";
import { runCli } from "../support/runCli";

const run = (...argv: string[]) => runCli(argv);
/** Help wraps its lines; what it says is compared with the line breaks taken out. */
const flat = (text: string) => text.replace(/\s+/g, " ");

describe("inspection-ready COMMAND --help", () => {
  it("prints the command's synopsis, description and options to stdout with exit 0", async () => {
    const { code, out, err } = await run("validate", "--help");
    expect(code).toBe(0);
    expect(err).toBe("");
    expect(out).toMatch(/^Usage:\n {2}inspection-ready validate FILE\.xlsx \[--json\]/);
    expect(flat(out)).toContain("Check every plan: missing leads and dates");
    expect(out).toMatch(/^ {2}--as-of dd\/mm\/yyyy +Check as on this date; today when left out\.$/m);
    expect(out).toMatch(/^ {2}--write +Also write the checks into a copy/m);
    expect(out).toMatch(/^ {2}FILE\.xlsx +The workbook to check/m);
    expect(out).toMatch(/^Exit codes: 0 success/m);
  });

  it("is the same as help COMMAND, and as --help before the command", async () => {
    const { out } = await run("validate", "--help");
    expect((await run("help", "validate")).out).toBe(out);
    expect((await run("--help", "validate")).out).toBe(out);
  });

  it.each(COMMANDS.map((c) => [c.name, c] as const))("describes every option %s takes", async (name, command) => {
    const { code, out } = await run(name, "--help");
    expect(code).toBe(0);
    expect(flat(out)).toContain(flat(`inspection-ready ${name} ${command.usage}`));
    for (const [flag, spec] of Object.entries(command.options)) {
      const label = spec.type === "string" ? `--${flag} ${spec.valueName ?? "VALUE"}` : `--${flag}`;
      expect(flat(out)).toContain(`${label} ${flat(spec.description)}`);
    }
    for (const line of out.split("\n")) expect(line.length).toBeLessThanOrEqual(110);
  });

  it("answers --help even when the rest of the line has a mistake in it", async () => {
    const { code, out } = await run("new", "--bogus", "--help");
    expect(code).toBe(0);
    expect(out).toMatch(/inspection-ready new --framework/);
  });

  it("says so when help is asked about a command there is not", async () => {
    const { code, err } = await run("help", "plan");
    expect(code).toBe(2);
    expect(err).toBe('inspection-ready: "plan" is not a command; run inspection-ready --help for the list');
  });
});

describe("the general help", () => {
  it("lists every command's synopsis and summary, and how to get more", async () => {
    const { code, out } = await run("help");
    expect(code).toBe(0);
    for (const command of COMMANDS) {
      expect(flat(out)).toContain(flat(`inspection-ready ${command.name} ${command.usage} ${command.summary}`));
    }
    expect(out).toMatch(/Run inspection-ready COMMAND --help/);
    expect(out).toMatch(/^Exit codes: 0 success; 1 the command ran and found problems; 2 usage error/m);
    for (const line of out.split("\n")) expect(line.length).toBeLessThanOrEqual(110);
  });

  it("goes to stderr with exit 2 when no command is given, as it always has", async () => {
    const { code, out, err } = await run("--json");
    expect(code).toBe(2);
    expect(out).toBe("");
    expect(err).toBe((await run("--help")).out);
  });
});

describe("reading a command's flags", () => {
  it.each([
    [["frameworks", "--json", "--json"], "--json is given twice"],
    [["validate", "x.xlsx", "--as-of", "01/01/2026", "--as-of=02/01/2026"], "--as-of is given twice"],
    [["frameworks", "--json=yes"], "--json takes no value"],
    [["validate", "x.xlsx", "--out"], "--out needs a value"],
    [["validate", "x.xlsx", "--out", "--write"], "--out needs a value"],
    [
      ["validate", "x.xlsx", "--stale-days", "-5"],
      '--stale-days needs a value; to give one that starts with "-", write --stale-days=-5',
    ],
    [
      ["validate", "--foo", "x.xlsx"],
      "validate does not know --foo; it takes --json, --write, --out, --force, --as-of, --stale-days",
    ],
    [
      ["frameworks", "-j"],
      'frameworks does not know -j; it takes --json (a file name that starts with "-" goes after --)',
    ],
    [["frameworks", "--toString"], "frameworks does not know --toString; it takes --json"],
  ])("refuses %j with exit 2 and words of ours", async (argv, message) => {
    const { code, err } = await run(...argv);
    expect(code).toBe(2);
    expect(err).toBe(`inspection-ready: ${message}`);
  });

  it("takes what follows -- as file names, even one that starts with a dash", async () => {
    const { code, err } = await run("validate", "--json", "--", "-plan.xlsx");
    expect(code).toBe(2);
    expect(err).toMatch(
      /^inspection-ready: Cannot open -plan\.xlsx: the file does not exist; check its name and folder$/,
    );
  });

  it("still reads flags given before the command's name", async () => {
    const { code, out } = await run("--json", "frameworks");
    expect(code).toBe(0);
    expect(JSON.parse(out)[0].id).toBe("ofsted-ilacs-2026");
  });

  it("gives each flag one meaning in every command, so it can come before the command's name", () => {
    const types = new Map<string, string>();
    for (const command of COMMANDS) {
      for (const [flag, spec] of Object.entries(command.options)) {
        expect([flag, types.get(flag) ?? spec.type]).toEqual([flag, spec.type]);
        types.set(flag, spec.type);
      }
    }
  });
});

describe("a command declared once", () => {
  // Stands for a command added later: its declaration is all the parser and the help need.
  const echo = defineCommand({
    name: "echo",
    summary: "Say the words back.",
    usage: "WORDS… [--loud] [--times N]",
    description: "For testing.",
    options: {
      loud: { type: "boolean", description: "In capitals." },
      times: { type: "string", valueName: "N", description: "How many times." },
    },
    run(args, output) {
      // @ts-expect-error: a flag the command does not declare cannot be read, so a misspelling does not compile.
      void args.values.lod;
      const words = args.positionals.join(" ");
      const said = args.values.loud ? words.toUpperCase() : words;
      for (let i = 0; i < Number(args.values.times ?? "1"); i++) output.out(said);
      return 0;
    },
  });
  const runEcho = async (...argv: string[]) => {
    const out: string[] = [];
    const err: string[] = [];
    const code = await main(argv, { out: (l) => out.push(l), err: (l) => err.push(l) }, new Date(), [echo]);
    return { code, out: out.join("\n"), err: err.join("\n") };
  };

  it("is run with its flags read, listed in the help, and refuses flags it does not declare", async () => {
    expect(await runEcho("echo", "hello", "--loud", "--times", "2")).toEqual({ code: 0, out: "HELLO\nHELLO", err: "" });
    expect((await runEcho("--help")).out).toMatch(
      /^ {2}inspection-ready echo WORDS… \[--loud\] \[--times N\]\n {6}Say/m,
    );
    expect((await runEcho("echo", "--help")).out).toMatch(/^ {2}--times N +How many times\.$/m);
    expect((await runEcho("echo", "--quiet")).err).toBe(
      "inspection-ready: echo does not know --quiet; it takes --loud, --times",
    );
  });
});
