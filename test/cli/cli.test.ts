import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import { frameworkIds, getFramework } from "../../src/domain/frameworks";
import { runCli } from "../support/runCli";
import { useTempDir } from "../support/tempDir";

const tempDir = useTempDir();

const run = (...argv: string[]) => runCli(argv);

describe("inspection-ready frameworks", () => {
  it("lists the frameworks as JSON with id, version, name, judgements and confidence", async () => {
    const { code, out } = await run("frameworks", "--json");
    expect(code).toBe(0);
    const list = JSON.parse(out) as {
      id: string;
      version: string;
      name: string;
      judgements: { name: string }[];
      confidence: string;
    }[];
    expect(list.map((f) => f.id)).toContain("ofsted-ilacs-2024");
    const ilacs = list.find((f) => f.id === "ofsted-ilacs-2024")!;
    expect(Object.keys(ilacs)).toEqual(expect.arrayContaining(["id", "version", "name", "judgements", "confidence"]));
    expect(ilacs.judgements.map((j) => j.name)).toContain("The experiences and progress of care leavers");
  });

  it("lists them for people too, saying where facts are unconfirmed", async () => {
    const { code, out } = await run("frameworks");
    expect(code).toBe(0);
    expect(out).toMatch(/^ofsted-ilacs-2024 .*5 judgements.*partly-confirmed/m);
  });
});

describe("inspection-ready new", () => {
  it("writes an action-plan workbook", async () => {
    const file = path.join(tempDir(), "plan.xlsx");
    const { code, out } = await run("new", "--framework", "ofsted-ilacs-2024", "--out", file, "--json");
    expect(code).toBe(0);
    expect(JSON.parse(out)).toMatchObject({ file, sheet: "Action plan", table: "ActionPlan", rows: 36 });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    expect(workbook.getWorksheet("Action plan")!.getCell("A1").value).toBe("Ref");
  });

  it("refuses to overwrite an existing file without --force, and leaves it as it was", async () => {
    const file = path.join(tempDir(), "plan.xlsx");
    writeFileSync(file, "the user's own workbook");
    const refused = await run("new", "--framework", "ofsted-ilacs-2024", "--out", file);
    expect(refused.code).toBe(2);
    expect(refused.err).toBe(
      `inspection-ready: ${file} already exists; choose another --out, or add --force to replace it`,
    );
    expect(readFileSync(file, "utf8")).toBe("the user's own workbook");
    const forced = await run("new", "--framework", "ofsted-ilacs-2024", "--out", file, "--force");
    expect(forced.code).toBe(0);
    expect(readFileSync(file).subarray(0, 2).toString()).toBe("PK");
  });

  it("gives exit 2 and the valid ids for an unknown framework", async () => {
    const { code, err } = await run("new", "--framework", "ofsted-sif-1066", "--out", path.join(tempDir(), "x.xlsx"));
    expect(code).toBe(2);
    expect(err).toBe(
      `inspection-ready: there is no framework "ofsted-sif-1066"; known ids: ${frameworkIds().join(", ")}`,
    );
    expect(existsSync(path.join(tempDir(), "x.xlsx"))).toBe(false);
  });

  it.each([
    [["new", "--country", "Wales", "--out", "x.xlsx"], /--country takes England or Scotland, not "Wales"/],
    [
      ["new", "--framework", "ofsted-ilacs-2024", "--country", "Scotland", "--out", "x.xlsx"],
      /--country goes without --framework/,
    ],
    [["new", "--framework", "ofsted-ilacs-2024"], /new needs --out FILE\.xlsx/],
    [["new", "--framework", "ofsted-ilacs-2024", "--out", "plan.csv"], /--out must name an \.xlsx file/],
    [
      ["new", "--framework", "ofsted-ilacs-2024", "--out", "/no/such/folder/plan.xlsx"],
      /the folder \/no\/such\/folder does not exist/,
    ],
    [["new", "--framework", "ofsted-ilacs-2024", "--out", "a.xlsx", "--sheet", "x"], /new does not know --sheet/],
    [["new", "--framework"], /--framework needs a value/],
    [["frameworks", "--jsn"], /frameworks does not know --jsn/],
    [["plan"], /"plan" is not a command/],
    [[], /Usage:/],
  ])("usage mistakes get exit 2 and a one-line message: %j", async (argv, message) => {
    const { code, err } = await run(...argv);
    expect(code).toBe(2);
    expect(err).toMatch(message);
  });

  it("prints help on --help with exit 0", async () => {
    const { code, out } = await run("--help");
    expect(code).toBe(0);
    expect(out).toMatch(/inspection-ready new --framework ID\|FILE\.json --out FILE\.xlsx/);
  });
});

describe("inspection-ready new: the three sheets and a council's own framework", () => {
  it("writes a self-evaluation, an action plan and an evidence tracker by default", async () => {
    const file = path.join(tempDir(), "plan.xlsx");
    const { code, out } = await run("new", "--framework", "ofsted-sif-2013", "--out", file, "--json");
    expect(code).toBe(0);
    const report = JSON.parse(out);
    expect(report.sheets.map((s: { sheet: string }) => s.sheet)).toEqual([
      "Self-evaluation",
      "Action plan",
      "Evidence tracker",
    ]);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    expect(workbook.worksheets.map((ws) => ws.name)).toEqual([
      "Self-evaluation",
      "Action plan",
      "Evidence tracker",
      "_InspectionReady",
    ]);
  });

  it("--kind picks the sheets", async () => {
    const file = path.join(tempDir(), "se.xlsx");
    const { code, out } = await run(
      "new",
      "--framework",
      "caa-2009",
      "--kind",
      "self-evaluation",
      "--out",
      file,
      "--json",
    );
    expect(code).toBe(0);
    expect(JSON.parse(out).sheets).toHaveLength(1);
    const bad = await run("new", "--framework", "caa-2009", "--kind", "plan", "--out", file);
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/--kind takes self-evaluation, action-plan, evidence/);
  });

  it("accepts a council's own framework file", async () => {
    const own = JSON.parse(JSON.stringify(getFramework("improvement-programme")));
    own.id = "our-improvement-plan";
    own.name = "Our improvement plan";
    const frameworkFile = path.join(tempDir(), "our-framework.json");
    writeFileSync(frameworkFile, JSON.stringify(own));
    const file = path.join(tempDir(), "ours.xlsx");
    const { code, out } = await run("new", "--framework", frameworkFile, "--out", file, "--json");
    expect(code).toBe(0);
    expect(JSON.parse(out).framework).toMatchObject({ id: "our-improvement-plan", name: "Our improvement plan" });
  });

  it("names the JSON path and what was expected when a council's framework is wrong", async () => {
    const own = JSON.parse(JSON.stringify(getFramework("improvement-programme")));
    own.judgements[1].criteria[0].ref = "qa 1";
    delete own.scale;
    const frameworkFile = path.join(tempDir(), "our-framework.json");
    writeFileSync(frameworkFile, JSON.stringify(own));
    const { code, err } = await run("new", "--framework", frameworkFile, "--out", path.join(tempDir(), "x.xlsx"));
    expect(code).toBe(2);
    expect(err).toMatch(/our-framework\.json is not a valid framework — \$\.scale: .*object/);
    expect(err).toMatch(/\$\.judgements\[1\]\.criteria\[0\]\.ref: upper-case letters, digits, dots and hyphens/);
    expect(err.split("\n")).toHaveLength(1);
  });

  it("says when a framework file is not JSON or cannot be read", async () => {
    const notJson = path.join(tempDir(), "broken.json");
    writeFileSync(notJson, "{ id: ");
    const broken = await run("new", "--framework", notJson, "--out", path.join(tempDir(), "x.xlsx"));
    expect(broken.code).toBe(2);
    expect(broken.err).toMatch(/broken\.json is not valid JSON/);
    const missing = await run(
      "new",
      "--framework",
      path.join(tempDir(), "none.json"),
      "--out",
      path.join(tempDir(), "x.xlsx"),
    );
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/cannot read the framework file/);
  });
});

describe("the installed bin", () => {
  const bin = path.join(__dirname, "../../bin/inspection-ready.js");
  beforeAll(() => {
    // The bin runs the compiled CLI, as a user's `npx inspection-ready` does after `npm ci`.
    execFileSync("npx", ["tsc", "-p", "tsconfig.cli.json"], { cwd: path.join(__dirname, "../.."), stdio: "pipe" });
  }, 120_000);

  it("runs a command and returns its exit code", () => {
    const ok = spawnSync(process.execPath, [bin, "frameworks", "--json"], { encoding: "utf8" });
    expect(ok.status).toBe(0);
    // In force first: ILACS from April 2026 is England's framework today.
    expect(JSON.parse(ok.stdout)[0].id).toBe("ofsted-ilacs-2026");
    const bad = spawnSync(process.execPath, [bin, "new", "--framework", "nope", "--out", "x.xlsx"], {
      encoding: "utf8",
    });
    expect(bad.status).toBe(2);
    expect(bad.stderr.trim().split("\n")).toHaveLength(1);
  });
});

describe("inspection-ready new with the inspection's dates", () => {
  it("adds a Timeline and an Annex A checklist with due dates on working days", async () => {
    const file = path.join(tempDir(), "inspection.xlsx");
    const { code, out } = await run(
      "new",
      "--framework",
      "ofsted-sif-2013",
      "--kind",
      "action-plan",
      "--notified",
      "26/11/2026 15:00",
      "--onsite",
      "27/11/2026 09:30",
      "--out",
      file,
      "--json",
    );
    expect(code).toBe(0);
    const report = JSON.parse(out);
    expect(report.sheets.map((s: { sheet: string }) => s.sheet)).toEqual([
      "Action plan",
      "Timeline",
      "Annex A checklist",
    ]);
    expect(report.milestones).toContainEqual({
      label: "Key documents and full case lists due (24 hours)",
      date: "30/11/2026",
      time: "09:30",
      confidence: "confirmed",
      note: expect.stringMatching(/^24 hours after inspectors arrive/),
    });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    const checklist = workbook.getWorksheet("Annex A checklist")!;
    expect(checklist.getRow(1).values).toEqual([
      undefined,
      "Ref",
      "Item",
      "Type",
      "Owner",
      "Source system",
      "Status",
      "Due date",
      "Due time",
      "Last refreshed",
      "Notes",
      "Rule",
    ]);
    expect(checklist.getCell("B2").value).toBe("Case-level data: Contacts");
    expect(checklist.getCell("F2").value).toBe("Not started");
    expect((checklist.getCell("G2").value as Date).toISOString().slice(0, 10)).toBe("2026-11-30");
    expect(checklist.getCell("H2").numFmt).toBe("hh:mm");
  });

  it.each([
    [["--notified", "tomorrow"], /--notified takes a date and time as "dd\/mm\/yyyy hh:mm"/],
    [["--notified", "26/11/2026 25:00"], /--notified takes a date and time/],
    [["--onsite", "27/11/2026 09:00"], /--onsite and --inspection go with --notified/],
    [["--notified", "26/11/2026 09:00", "--inspection", "surprise"], /--inspection takes standard, short or focused/],
    [["--notified", "26/11/2026 09:00", "--onsite", "20/11/2026 09:00"], /--onsite is before --notified/],
  ])("refuses bad dates with exit 2: %j", async (extra, message) => {
    const { code, err } = await run(
      "new",
      "--framework",
      "ofsted-ilacs-2024",
      "--out",
      path.join(tempDir(), "x.xlsx"),
      ...extra,
    );
    expect(code).toBe(2);
    expect(err).toMatch(message);
  });
});
