import { promises as fs } from "node:fs";
import os from "node:os";
import path from "node:path";
import { committeePack, packCsv, packPage, packPatch } from "../commands/committeePack";
import { readPackSnapshot } from "../commands/packSnapshot";
import { findFramework } from "../domain/frameworks";
import { todaySerial } from "../domain/dates";
import { count } from "../domain/words";
import { saveAtomically, XlsxWorkbook } from "../workbook/xlsx/xlsxFile";
import { UsageError } from "./args";
import { asOfOption } from "./asOf";
import { defineCommand } from "./command";
import { FORCE_OPTION, oneWorkbook } from "./inputs";
import {
  convertWithLibreOffice,
  findLibreOffice,
  LibreOfficeMissingError,
  pdfPageCount,
  removeConversion,
} from "./libreOffice";
import { markingFrom, MARKING_OPTION, reportAsOfOption, withMarking } from "./marking";
import { checkOutFile } from "./outFile";
import { EXIT_OK } from "./output";

const FORMATS = { ".xlsx": "xlsx", ".pdf": "pdf", ".csv": "csv" } as const;
type Format = (typeof FORMATS)[keyof typeof FORMATS];

/** `inspection-ready export`: the committee pack, as a workbook, a PDF or CSV. */
export const exportCommand = defineCommand({
  name: "export",
  summary:
    "Make the committee pack from a plan workbook: a cover, the exceptions, each judgement's projected grade and RAG counts, what was completed and which way things went since the last pack, the districts, and Annex A counts with small numbers suppressed.",
  usage:
    "PLAN.xlsx --out PACK.xlsx|PACK.pdf|PACK.csv [--previous LAST-PACK.xlsx] [--marking TEXT] [--as-of dd/mm/yyyy] [--authority NAME] [--author NAME] [--internal] [--force] [--json]",
  description:
    "The pack carries no child-level data: nothing from an Annex A row, and any child id, name or date of birth from the workbook's Annex A lists that was typed into the plan's own text is removed. The protective marking is printed in the header and footer of every page and added to the file name where --out does not already carry it.\nA PDF is made through LibreOffice where it is installed; the .xlsx and .csv need nothing else. The pack keeps a record of itself in a hidden sheet: give it as --previous next time for the direction of travel.",
  positionals: [{ name: "PLAN.xlsx", description: "The workbook with the action plan; it is never changed." }],
  options: {
    out: {
      type: "string",
      valueName: "PACK.xlsx|PACK.pdf|PACK.csv",
      description: "The pack to write; its extension chooses the format.",
    },
    previous: {
      type: "string",
      valueName: "LAST-PACK.xlsx",
      description: "The last pack (as .xlsx) to compare with: direction of travel and what was completed since.",
    },
    marking: MARKING_OPTION,
    "as-of": reportAsOfOption("pack"),
    authority: {
      type: "string",
      valueName: "NAME",
      description: "The council, for the cover; the workbook's own Company property when left out.",
    },
    author: {
      type: "string",
      valueName: "NAME",
      description: "Who made the pack, for the cover; the workbook's last author when left out.",
    },
    internal: {
      type: "boolean",
      description:
        "Show small counts from the Annex A lists (1 to 5) unsuppressed: only for a pack that stays within the team.",
    },
    force: FORCE_OPTION,
    json: { type: "boolean", description: "Print what was written as JSON." },
  },
  async run(args, output, now) {
    const input = oneWorkbook(
      "export",
      args.positionals,
      "export needs the plan workbook: export PLAN.xlsx --out PACK.xlsx",
    );
    const asked = args.values.out;
    if (!asked) throw new UsageError("export needs --out PACK.xlsx, PACK.pdf or PACK.csv: the pack to write");
    const marking = markingFrom(args.values.marking);
    const out = withMarking(asked, marking);
    checkOutFile(out, args.values.force === true, Object.keys(FORMATS));
    const format: Format = FORMATS[path.extname(out).toLowerCase() as keyof typeof FORMATS];
    const soffice = format === "pdf" ? findLibreOffice() : null;
    if (format === "pdf" && !soffice) throw new LibreOfficeMissingError("A PDF pack");
    const asOf = asOfOption(args.values["as-of"], now);

    const workbook = await XlsxWorkbook.open(input);
    const previousFile = args.values.previous;
    let previous = null;
    if (previousFile) {
      const last = await XlsxWorkbook.open(previousFile);
      previous = readPackSnapshot(await last.read({ sheets: "all" }), previousFile);
      if (!previous) {
        throw new UsageError(
          `${previousFile} holds no pack snapshot: give a pack this product wrote as .xlsx (a PDF or CSV pack cannot be compared)`,
        );
      }
    }
    const properties = workbook.workbook;
    const pack = committeePack(await workbook.read({ sheets: "all" }), {
      asOf,
      madeOn: todaySerial(now),
      marking,
      authority: args.values.authority ?? nonBlank(properties.company),
      author: args.values.author ?? nonBlank(properties.lastModifiedBy) ?? nonBlank(properties.creator),
      previous,
      ...(previousFile ? { previousName: path.basename(previousFile) } : {}),
      suppress: args.values.internal !== true,
      resolve: findFramework,
    });

    let pages: number | null = null;
    if (format === "csv") {
      await saveAtomically(out, (temp) => fs.writeFile(temp, packCsv(pack, marking), "utf8"));
    } else {
      const file = XlsxWorkbook.empty();
      file.workbook.company = args.values.authority ?? properties.company ?? "";
      await file.apply(packPatch(pack, packPage(pack, marking, asOf)));
      if (format === "xlsx") {
        await file.save(out);
      } else {
        const work = await fs.mkdtemp(path.join(os.tmpdir(), "inspection-ready-pack-"));
        try {
          const xlsx = path.join(work, `${path.basename(out, path.extname(out))}.xlsx`);
          await file.save(xlsx);
          const pdf = await convertWithLibreOffice(soffice!, xlsx, "pdf");
          const bytes = await fs.readFile(pdf);
          pages = pdfPageCount(bytes);
          await saveAtomically(out, (temp) => fs.writeFile(temp, bytes));
          removeConversion(pdf);
        } finally {
          await fs.rm(work, { recursive: true, force: true });
        }
      }
    }

    const sheets = pack.sheets.filter((s) => !s.visibility || s.visibility === "visible").map((s) => s.name);
    if (args.values.json) {
      output.out(
        JSON.stringify(
          {
            file: input,
            out,
            format,
            sheets,
            pages,
            suppressed: pack.suppressed,
            exceptions: pack.exceptions,
            removed: pack.removed,
            marking,
          },
          null,
          2,
        ),
      );
      return EXIT_OK;
    }
    output.out(`Wrote ${out}: ${sheets.join(", ")}${pages !== null ? ` (${count(pages, "page")})` : ""}.`);
    output.out(`${count(pack.exceptions, "action")} with exceptions; marked ${marking}.`);
    if (pack.suppressed > 0) output.out(`${count(pack.suppressed, "small count")} from the Annex A lists suppressed.`);
    if (pack.removed > 0) {
      output.out(`${count(pack.removed, "child identifier")} found in the plan's own text and removed from the pack.`);
    }
    if (out !== asked) output.out(`The marking was added to the file name you gave (${asked}).`);
    return EXIT_OK;
  },
});

/**
 * A document property as a person gave it: "Unknown" is what ExcelJS writes when nobody did, and
 * "Inspection Ready" is what this product writes as a new workbook's creator.
 */
function nonBlank(text: string | undefined): string | null {
  const t = text?.trim();
  return t && t !== "Unknown" && t !== "Inspection Ready" ? t : null;
}
