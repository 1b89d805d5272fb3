import { execFileSync } from "node:child_process";
import path from "node:path";
import { HEADER_FILL } from "../../src/sheets/printLayout";
import { childNeedles, packPlan } from "../support/packFixture";
import { countPixelsNear, firstPagePixels, pdfText } from "../support/libreoffice";
import { runCli } from "../support/runCli";
import { useTempDir } from "../support/tempDir";

const tempDir = useTempDir();

/** The text of each page of a PDF, in order (pdftotext separates pages with a form feed). */
function pages(pdf: string): string[] {
  return pdfText(pdf)
    .split("\f")
    .filter((page) => page.trim() !== "");
}

describe("the committee pack as PDF, through LibreOffice", () => {
  it("numbers its pages 1..N across the whole pack, marks every page, styles header rows, and shows no child", async () => {
    const plan = await packPlan(tempDir());
    const { code, out, err } = await runCli([
      "export",
      plan,
      "--out",
      path.join(tempDir(), "pack.pdf"),
      "--as-of",
      "25/11/2026",
      "--json",
    ]);
    expect(err).toBe("");
    expect(code).toBe(0);
    const report = JSON.parse(out);
    expect(report.format).toBe("pdf");
    const printed = pages(report.out);
    expect(report.pages).toBe(printed.length);
    expect(printed.length).toBeGreaterThan(3);

    const footers = printed.map((page) => /Page (\d+) of (\d+)/.exec(page));
    expect(footers.map((m) => Number(m?.[1]))).toEqual(printed.map((_, i) => i + 1));
    expect(footers.every((m) => Number(m?.[2]) === printed.length)).toBe(true);
    for (const page of printed) {
      // In the header and the footer: twice on every page.
      expect(page.match(/OFFICIAL-SENSITIVE/g)?.length ?? 0).toBeGreaterThanOrEqual(2);
      expect(page).toContain("25/11/2026");
    }
    expect(printed[0]).toContain("Anyshire County Council");

    const text = printed.join("\n").toLowerCase();
    for (const needle of childNeedles()) expect(text).not.toContain(needle.toLowerCase());
    expect(text).toContain("found drift");

    // pdfinfo gives A4 landscape as 842 x 595 points.
    expect(execFileSync("pdfinfo", [report.out], { encoding: "utf8" })).toMatch(/Page size:\s+841\.\d+ x 595\.\d+ pts/);
    // The cover's header row is drawn with its fill, not left to a table style LibreOffice ignores.
    expect(countPixelsNear(firstPagePixels(report.out), HEADER_FILL, 12)).toBeGreaterThan(500);
  });

  it("says how to install LibreOffice when there is none, writes nothing, exit 2", async () => {
    const plan = await packPlan(tempDir());
    const saved = process.env.INSPECTION_READY_SOFFICE;
    process.env.INSPECTION_READY_SOFFICE = "";
    try {
      const { code, err } = await runCli(["export", plan, "--out", path.join(tempDir(), "pack.pdf")]);
      expect(code).toBe(2);
      expect(err).toMatch(/needs LibreOffice.*apt-get install libreoffice-calc.*the \.xlsx works without it/);
    } finally {
      if (saved === undefined) delete process.env.INSPECTION_READY_SOFFICE;
      else process.env.INSPECTION_READY_SOFFICE = saved;
    }
  });
});
