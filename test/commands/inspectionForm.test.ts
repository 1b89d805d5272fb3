import {
  EMPTY_FORM,
  estimatedOnsite,
  formFromSaved,
  isEstimatedOnsite,
  readInspectionForm,
  readTime,
} from "../../src/commands/inspectionForm";
import { readFacts } from "../../src/commands/workbookFacts";
import { createInspectionSheets, inspectionSheetsQuery } from "../../src/commands/createInspectionSheets";
import { runCommand } from "../../src/commands/runCommand";
import { serialFromYmd, serialDate, serialTime } from "../../src/domain/dates";
import { findFramework, getFramework } from "../../src/domain/frameworks";
import { MemoryWorkbook } from "../../src/workbook/memory/memoryWorkbook";

const ilacs = getFramework("ofsted-ilacs-2024");
const monday = serialFromYmd(2026, 11, 23);

describe("reading the inspection's dates as typed", () => {
  it("reads a notification and leaves the on-site start to be estimated", () => {
    const read = readInspectionForm({ ...EMPTY_FORM, notifiedDate: "23/11/2026", notifiedTime: "15:00" });
    expect(read).toEqual({ ok: true, dates: { notified: monday + 15 / 24, onsite: null, type: "standard" } });
  });

  it("takes an on-site date without a time as 09:00", () => {
    const read = readInspectionForm({
      ...EMPTY_FORM,
      notifiedDate: "23/11/2026",
      notifiedTime: "15.00",
      onsiteDate: "30 Nov 2026",
    });
    expect(read.ok && read.dates.onsite).toBe(serialFromYmd(2026, 11, 30) + 9 / 24);
  });

  it("says what is wrong with each field, in words a user can act on", () => {
    const read = readInspectionForm({ ...EMPTY_FORM, notifiedTime: "25:00", onsiteTime: "10:00" });
    expect(read).toEqual({
      ok: false,
      errors: {
        notifiedDate: "Enter the date the inspectorate notified you, as dd/mm/yyyy, for example 26/11/2026.",
        notifiedTime: "“25:00” is not a time. Enter it as hh:mm on the 24-hour clock, for example 15:00.",
        onsiteDate: "Enter the date inspectors arrive as well as the time, or clear the time.",
      },
    });
  });

  it("refuses an arrival that is not after the notification", () => {
    const read = readInspectionForm({
      ...EMPTY_FORM,
      notifiedDate: "23/11/2026",
      notifiedTime: "15:00",
      onsiteDate: "23/11/2026",
      onsiteTime: "10:00",
    });
    expect(read).toEqual({
      ok: false,
      errors: {
        onsiteDate: "Inspectors arrive after the notification, but 23/11/2026 10:00 is not after 23/11/2026 15:00.",
      },
    });
  });

  it("reads times on the 24-hour clock and nothing else", () => {
    expect(readTime("9:30")).toEqual({ ok: true, value: 9.5 / 24 });
    expect(readTime("")).toEqual({ ok: true, value: null });
    expect(readTime("9:60").ok).toBe(false);
    expect(readTime("half nine").ok).toBe(false);
  });
});

describe("the estimated on-site start", () => {
  it("is the framework's usual notice in working days, at 09:00", () => {
    const estimate = estimatedOnsite(ilacs, monday + 15 / 24, "standard")!;
    expect(serialTime(estimate)).toBe("09:00");
    expect(estimate).toBeGreaterThan(monday + 1);
  });

  it("is recognised in saved dates, so the pane leaves the on-site fields blank", () => {
    const notified = monday + 15 / 24;
    const onsite = estimatedOnsite(ilacs, notified, "standard")!;
    expect(isEstimatedOnsite(ilacs, { notified, onsite, type: "standard" })).toBe(true);
    expect(isEstimatedOnsite(ilacs, { notified, onsite: onsite + 1, type: "standard" })).toBe(false);
    expect(formFromSaved({ notified, onsite, type: "standard", onsiteEstimated: true })).toEqual({
      notifiedDate: "23/11/2026",
      notifiedTime: "15:00",
      onsiteDate: "",
      onsiteTime: "",
      type: "standard",
    });
    expect(formFromSaved({ notified, onsite: onsite + 1, type: "short", onsiteEstimated: false })).toMatchObject({
      onsiteDate: serialDate(onsite + 1),
      onsiteTime: "09:00",
      type: "short",
    });
  });

  it("is worked out for the facts of a workbook whose timeline was made without an on-site date", async () => {
    const workbook = MemoryWorkbook.withSheets("Sheet1");
    await runCommand(workbook, inspectionSheetsQuery, (s) =>
      createInspectionSheets(s, {
        framework: ilacs,
        dates: { notified: monday + 15 / 24, onsite: null, type: "standard" },
        now: new Date(),
      }),
    );
    const { report } = readFacts(await workbook.read({ sheets: ["_InspectionReady"] }), findFramework);
    expect(report.inspection).toMatchObject({ framework: ilacs.id, type: "standard", onsiteEstimated: true });
    expect(report.managedSheets).toEqual(["Timeline", "Annex A checklist"]);
  });
});
