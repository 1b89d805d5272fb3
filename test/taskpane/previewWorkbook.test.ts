import { PreviewWorkbook } from "../../src/taskpane/preview/previewWorkbook";
import { slicePatch } from "../../src/workbook/patchSlices";
import type { WorkbookPatch } from "../../src/workbook/types";

const noWorker = () => {
  throw new Error("no worker in this test");
};

function listWorkbook(): PreviewWorkbook {
  const workbook = new PreviewWorkbook(noWorker);
  workbook.applySync({
    description: "a list",
    ops: [
      { op: "addSheet", sheet: "List_1" },
      { op: "writeValues", sheet: "List_1", row: 0, col: 0, values: [["Child"], ["C1"], ["C2"]] },
    ],
  });
  return workbook;
}

const findings = (rows: number): WorkbookPatch => ({
  description: "Write the findings",
  ops: [
    { op: "addSheet", sheet: "Findings" },
    {
      op: "writeValues",
      sheet: "Findings",
      row: 0,
      col: 0,
      values: Array.from({ length: rows }, (_, r) => [`F${r}`, r]),
    },
    { op: "writeValues", sheet: "List_1", row: 1, col: 1, values: [["seen"]], before: [[null]] },
  ],
});

test("a planned patch applied in parts gives what the whole patch gives", async () => {
  const whole = listWorkbook();
  whole.applySync(findings(1_000));
  const parted = listWorkbook();
  const patch = findings(1_000);
  await parted.applyPlanned({ patch, report: null, parts: slicePatch(patch, 300) });
  expect(parted.snapshot()).toEqual(whole.snapshot());
});

test("a part that fails leaves the workbook as it was before the first part, later parts on the added sheet included", async () => {
  const workbook = listWorkbook();
  const before = workbook.snapshot();
  const patch = findings(1_000);
  const parts = slicePatch(patch, 300);
  parts.push([{ op: "writeValues", sheet: "No such sheet", row: 0, col: 0, values: [["x"]] }]);
  await expect(workbook.applyPlanned({ patch, report: null, parts })).rejects.toThrow(
    'There is no sheet called "No such sheet"',
  );
  expect(workbook.snapshot()).toEqual(before);
});
