import { execFileSync, spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import path from "node:path";
import ExcelJS from "exceljs";
import { SaveError, XlsxWorkbook } from "../../src/workbook/xlsx/xlsxFile";
import { runCli } from "../support/runCli";
import { useTempDir } from "../support/tempDir";

const tempDir = useTempDir();

/** The command's one line on stderr, having checked it is one line and the exit code is 2. */
function refused(result: { code: number; err: string }): string {
  expect(result.code).toBe(2);
  expect(result.err.split("\n")).toHaveLength(1);
  expect(result.err).not.toMatch(/unexpected error|\n\s+at /);
  return result.err;
}

describe("--out that cannot be written", () => {
  it("a folder that does not exist: says to create it, nothing written", async () => {
    const out = path.join(tempDir(), "no", "such", "plan.xlsx");
    expect(refused(await runCli(["new", "--out", out]))).toMatch(/the folder .* does not exist; create it first/);
    expect(existsSync(path.dirname(out))).toBe(false);
  });

  it("a name too long for the file system, or long enough only with the temporary file's suffix: says so", async () => {
    for (const length of [240, 300]) {
      const out = path.join(tempDir(), `${"a".repeat(length)}.xlsx`);
      const result = await runCli(["new", "--out", out]);
      if (length === 240) expect({ code: result.code, err: result.err }).toEqual({ code: 0, err: "" });
      else expect(refused(result)).toMatch(/the name is too long for the file system; choose a shorter name/);
    }
    expect(readdirSync(tempDir()).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });

  it.each([[[]], [["--force"]]])("a folder named as the file %j: says to name a file", async (force) => {
    const out = path.join(tempDir(), "plans.xlsx");
    mkdirSync(out);
    expect(refused(await runCli(["new", "--out", out, ...force]))).toMatch(
      /--out .*plans\.xlsx is a folder; name a file, e\.g\. --out .*plans\.xlsx\/plan\.xlsx/,
    );
    expect(readdirSync(out)).toEqual([]);
  });

  it("a folder the user may not write in: says to choose another", async () => {
    // /sys refuses new files even to root, where a read-only folder of our own would not.
    const err = refused(await runCli(["new", "--out", "/sys/plan.xlsx"]));
    expect(err).toMatch(/permission to write|read-only/);
    expect(err).toMatch(/folder you can write to|choose another folder/);
    expect(existsSync("/sys/plan.xlsx")).toBe(false);
  });

  it("a full disk: says so, and leaves neither the file nor the temporary file", async () => {
    const out = path.join(tempDir(), "plan.xlsx");
    const workbook = XlsxWorkbook.empty();
    workbook.workbook.addWorksheet("Plan").getCell("A1").value = "Ref";
    const fullDisk = async (_: ExcelJS.Workbook, file: string) => {
      await writeFile(file, "PK\u0003\u0004 half a workbook");
      throw Object.assign(new Error("ENOSPC: no space left on device, write"), { code: "ENOSPC" });
    };
    const saving = workbook.save(out, fullDisk);
    await expect(saving).rejects.toThrow(SaveError);
    await expect(saving).rejects.toThrow(
      `Cannot save ${out}: the disk is full (or your quota is used up); free some space, or choose a folder on another disk`,
    );
    expect(readdirSync(tempDir())).toEqual([]);
  });
});

describe("an input that is not a readable workbook says why and what to do", () => {
  const OLE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  const utf16 = (text: string) => Buffer.from(text, "utf16le");
  const cases: [string, () => Buffer | Promise<Buffer> | "folder", RegExp][] = [
    ["an empty file", () => Buffer.alloc(0), /is empty \(0 bytes\).*save it again as \.xlsx/],
    [
      "a password-protected workbook",
      () =>
        Buffer.concat([OLE, Buffer.alloc(504), utf16("EncryptionInfo"), Buffer.alloc(64), utf16("EncryptedPackage")]),
      /is protected with a password.*remove the password/,
    ],
    [
      "an Excel 97–2003 .xls",
      () => Buffer.concat([OLE, Buffer.alloc(504), utf16("Workbook"), Buffer.alloc(64)]),
      /is an Excel 97–2003 workbook \(\.xls\).*save it as an Excel Workbook \(\.xlsx\)/,
    ],
    [
      "a CSV named .xlsx",
      () => Buffer.from("Ref,Action,Lead\n1.1,Audit,QA\n"),
      /is text \(a CSV or similar.*save it as an Excel Workbook/,
    ],
    [
      "a truncated workbook",
      async () => {
        const workbook = new ExcelJS.Workbook();
        workbook.addWorksheet("Plan").getCell("A1").value = "Ref";
        const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
        return bytes.subarray(0, Math.floor(bytes.length / 2));
      },
      /is damaged or incomplete.*Open it in Excel, which may repair it/,
    ],
    ["a folder", () => "folder", /it is a folder, not a file/],
  ];
  it.each(cases)("%s", async (_name, make, says) => {
    const file = path.join(tempDir(), "plan.xlsx");
    const bytes = await make();
    if (bytes === "folder") mkdirSync(file);
    else writeFileSync(file, bytes);
    const err = refused(await runCli(["validate", file]));
    expect(err).toMatch(new RegExp(`^inspection-ready: Cannot open ${file.replace(/[.]/g, "\\.")}: `));
    expect(err).toMatch(says);
  });
});

describe("the installed bin, as a shell runs it", () => {
  const root = path.join(__dirname, "../..");
  const bin = path.join(root, "bin/inspection-ready.js");
  beforeAll(() => {
    execFileSync("npx", ["tsc", "-p", "tsconfig.cli.json"], { cwd: root, stdio: "pipe" });
  }, 120_000);

  /** Runs `node bin ARGS | head -1` and gives the bin's exit status and stderr. */
  function intoHead(args: string): { status: string; stderr: string; stdout: string } {
    const script = `node ${bin} ${args} 2>"$ERR" | head -1; echo "status \${PIPESTATUS[0]}" >&2`;
    const err = path.join(tempDir(), "stderr.txt");
    const result = spawnSync("bash", ["-c", script], { encoding: "utf8", env: { ...process.env, ERR: err } });
    return {
      status: /status (\d+)/.exec(result.stderr)![1]!,
      stderr: readFileSync(err, "utf8"),
      stdout: result.stdout,
    };
  }

  it("output piped into head ends quietly, with the command's own exit code", async () => {
    const frameworks = intoHead("frameworks");
    expect(frameworks).toMatchObject({ status: "0", stderr: "" });
    expect(frameworks.stdout.split("\n")).toHaveLength(2);

    // A long validate: thousands of findings, far more than a pipe holds.
    const source = path.join(tempDir(), "source.xlsx");
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("Plan");
    sheet.addRow(["Ref", "Action", "Lead officer", "Due date", "RAG"]);
    for (let i = 1; i <= 3000; i++) sheet.addRow([`A${i}`, `Action ${i}`, "", "", "Purple"]);
    await workbook.xlsx.writeFile(source);
    const plan = path.join(tempDir(), "plan.xlsx");
    expect((await runCli(["structure", source, "--sheet", "Plan", "--as", "action-plan", "--out", plan])).code).toBe(1);
    expect(intoHead(`validate ${plan}`)).toMatchObject({ status: "1", stderr: "" });
    expect(intoHead(`validate ${plan} --json`)).toMatchObject({ status: "1", stderr: "" });
  }, 60_000);

  it.each(["SIGTERM", "SIGINT", "SIGHUP"] as const)(
    "%s during a save removes the temporary file",
    async (signal) => {
      const source = path.join(tempDir(), "source.xlsx");
      const workbook = new ExcelJS.Workbook();
      const sheet = workbook.addWorksheet("Plan");
      sheet.addRow(["Ref", "Action", "Lead officer", "Due date", "RAG", "Progress update"]);
      for (let i = 1; i <= 4000; i++) sheet.addRow([`A${i}`, `Action ${i}`, "Lead", "", "Green", "Some progress text"]);
      await workbook.xlsx.writeFile(source);
      const out = path.join(tempDir(), "out");
      mkdirSync(out);
      const child = spawn(process.execPath, [
        bin,
        "structure",
        source,
        "--sheet",
        "Plan",
        "--as",
        "action-plan",
        "--out",
        path.join(out, "plan.xlsx"),
      ]);
      const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on("exit", (_code, sig) => resolve(sig)));
      // Wait for the temporary file to appear, then interrupt the save.
      const started = Date.now();
      while (!readdirSync(out).some((f) => f.endsWith(".tmp")) && Date.now() - started < 50_000) {
        await new Promise((resolve) => setTimeout(resolve, 2));
      }
      expect(readdirSync(out)).toEqual([expect.stringMatching(/^\.plan\.xlsx\.\d+\.\d+\.tmp$/)]);
      child.kill(signal);
      expect(await exited).toBe(signal);
      expect(readdirSync(out)).toEqual([]);
    },
    60_000,
  );
});

it('structure names what it can when no sheet can be shown, rather than ending "the workbook has"', async () => {
  const file = path.join(tempDir(), "hidden.xlsx");
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("Plan");
  sheet.addRow(["Ref", "Action", "Lead officer"]);
  sheet.state = "veryHidden";
  await workbook.xlsx.writeFile(file);
  const out = path.join(tempDir(), "out.xlsx");
  const err = refused(await runCli(["structure", file, "--sheet", "Action plan", "--as", "action-plan", "--out", out]));
  expect(err).toBe(
    'inspection-ready: There is no sheet called "Action plan"; the workbook has no sheet that can be shown (every sheet is very hidden), so there is nothing to structure',
  );
  expect(existsSync(out)).toBe(false);
});
