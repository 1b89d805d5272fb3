import { Button, Checkbox, Field, Input, Text } from "@fluentui/react-components";
import { useState } from "react";
import { DEFAULT_MARKING } from "../../commands/committeePack";
import { count } from "../../domain/words";
import { openAsNewExcelWorkbook } from "../../workbook/excel/excelUi";
import { XLSX_MIME, saveFile } from "../preview/downloadXlsx";
import { errorMessage, type SessionStatus, type WorkbookSession } from "../useWorkbookSession";
import {
  addPackCommand,
  makePack,
  packCsv,
  packFileName,
  packXlsxBytes,
  previousSnapshot,
  type PackChoices,
} from "../pack/makePack";
import { StatusMessage } from "./StatusMessage";
import { usePaneStyles } from "./paneStyles";

export interface CommitteePackSectionProps {
  session: WorkbookSession;
  preview: boolean;
  /** Shows the session's messages here, as the section that ran the last command. */
  claimStatus: () => void;
  status: SessionStatus | null;
}

type Outcome = SessionStatus | null;

/**
 * The committee pack from the plan in this workbook: in Excel it opens as a new workbook, leaving this one
 * as it is; in the preview it downloads. The workbook is only read. No child-level data reaches the pack.
 */
export function CommitteePackSection({ session, preview, claimStatus, status }: CommitteePackSectionProps) {
  const pane = usePaneStyles();
  const [choices, setChoices] = useState<PackChoices>({
    marking: DEFAULT_MARKING,
    authority: "",
    author: "",
    internal: false,
    previous: null,
  });
  const [working, setWorking] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>(null);

  const make = async (format: "xlsx" | "csv") => {
    setWorking(true);
    setOutcome(null);
    try {
      const now = new Date();
      const pack = await makePack(session.workbook, choices, now);
      const marking = choices.marking.trim() || DEFAULT_MARKING;
      const name = packFileName(marking, format, now);
      if (format === "csv") {
        saveFile(new Blob([packCsv(pack, marking)], { type: "text/csv;charset=utf-8" }), name);
      } else {
        const bytes = await packXlsxBytes(pack, marking, now);
        if (preview) saveFile(new Blob([bytes], { type: XLSX_MIME }), name);
        else await openAsNewExcelWorkbook(bytes);
      }
      const where = format === "xlsx" && !preview ? "opened as a new workbook" : `downloaded as ${name}`;
      const extra = [
        `${count(pack.exceptions, "action")} with exceptions`,
        ...(pack.suppressed > 0 ? [`${count(pack.suppressed, "small count")} suppressed`] : []),
        ...(pack.removed > 0 ? [`${count(pack.removed, "child identifier")} removed from the plan's text`] : []),
      ];
      setOutcome({ intent: "success", message: `Committee pack ${where}: ${extra.join("; ")}.` });
    } catch (error) {
      setOutcome({ intent: "error", message: errorMessage(error) });
    } finally {
      setWorking(false);
    }
  };

  /** The pack as new sheets of this workbook: a command like any other, shown in Undo. */
  const addToWorkbook = async () => {
    setOutcome(null);
    try {
      const previous = await previousSnapshot(choices.previous);
      claimStatus();
      await session.run(addPackCommand(choices, previous, new Date()));
    } catch (error) {
      setOutcome({ intent: "error", message: errorMessage(error) });
    }
  };

  const choosePrevious = async (file: File | undefined) => {
    setChoices((c) => ({ ...c, previous: null }));
    if (file) {
      const bytes = await file.arrayBuffer();
      setChoices((c) => ({ ...c, previous: { name: file.name, bytes } }));
    }
  };

  return (
    <div className={pane.section} data-testid="pack-form">
      <Text className={pane.detail}>
        For overview and scrutiny committee and cabinet: a cover, the exceptions first, each judgement’s projected grade
        and RAG counts, what was completed and which way things went since the last pack. Small counts from Annex A
        lists are suppressed and no child’s details are included.
      </Text>
      <Field label="Authority">
        <Input value={choices.authority} onChange={(_, d) => setChoices((c) => ({ ...c, authority: d.value }))} />
      </Field>
      <Field label="Author">
        <Input value={choices.author} onChange={(_, d) => setChoices((c) => ({ ...c, author: d.value }))} />
      </Field>
      <Field label="Protective marking" hint="On every page and in the file name.">
        <Input value={choices.marking} onChange={(_, d) => setChoices((c) => ({ ...c, marking: d.value }))} />
      </Field>
      <Field label="Previous pack (.xlsx), for the direction of travel">
        <input
          type="file"
          accept=".xlsx"
          data-testid="pack-previous"
          aria-label="Previous pack (.xlsx), for the direction of travel"
          onChange={(e) => void choosePrevious(e.target.files?.[0])}
        />
      </Field>
      <Checkbox
        label="Internal pack: show small counts (1 to 5) from the Annex A lists"
        checked={choices.internal}
        onChange={(_, d) => setChoices((c) => ({ ...c, internal: d.checked === true }))}
      />
      <div className={pane.actions}>
        <Button appearance="primary" disabled={working || session.busy} onClick={() => void addToWorkbook()}>
          Add the pack to this workbook
        </Button>
        <Button disabled={working || session.busy} onClick={() => void make("xlsx")}>
          {preview ? "Download the pack (.xlsx)" : "Open the pack as a new workbook"}
        </Button>
        <Button disabled={working || session.busy} onClick={() => void make("csv")}>
          Download as CSV
        </Button>
      </div>
      <Text size={200} className={pane.detail}>
        For a PDF, print the pack to PDF from Excel, or use the command line: inspection-ready export PLAN.xlsx --out
        PACK.pdf (with LibreOffice installed).
      </Text>
      <StatusMessage
        status={outcome ?? status}
        onDismiss={() => (outcome ? setOutcome(null) : session.clearStatus())}
        testId="pack-status"
      />
    </div>
  );
}
