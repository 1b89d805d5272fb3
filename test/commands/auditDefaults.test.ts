import { AUDIT_CASES, auditFramework, isAuditCases } from "../../src/commands/caseAudit";
import { createWorkbook, createWorkbookQuery } from "../../src/commands/createWorkbook";
import { runCommand } from "../../src/commands/runCommand";
import { findFramework, getFramework } from "../../src/domain/frameworks";
import { MemoryWorkbook } from "../../src/workbook/memory/memoryWorkbook";

describe("the audit sample's defaults", () => {
  it("takes 30 cases unless told, from 1 to 500 whole cases", () => {
    expect(AUDIT_CASES.default).toBe(30);
    expect([1, 30, 500].map(isAuditCases)).toEqual([true, true, true]);
    expect([0, 501, 2.5, Number.NaN].map(isAuditCases)).toEqual([false, false, false, false]);
  });

  it("grades on the scale of the workbook's own framework, else on ILACS", async () => {
    const lists = MemoryWorkbook.withSheets("List 1");
    expect(auditFramework(await lists.read({ sheets: ["_InspectionReady"] }), findFramework).id).toBe(
      "ofsted-ilacs-2024",
    );
    const plans = MemoryWorkbook.withSheets("Sheet1");
    await runCommand(plans, createWorkbookQuery, (s) =>
      createWorkbook(s, { framework: getFramework("ofsted-sif-2013"), kinds: ["action-plan"], now: new Date() }),
    );
    expect(auditFramework(await plans.read({ sheets: ["_InspectionReady"] }), findFramework).id).toBe(
      "ofsted-sif-2013",
    );
  });
});
