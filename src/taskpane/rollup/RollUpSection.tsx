import { Button, MessageBar, MessageBarBody, MessageBarTitle, Text } from "@fluentui/react-components";
import { useId, useRef, useState, type ChangeEvent } from "react";
import { NO_STATUS } from "../../domain/progress/statusCounts";
import { todaySerial } from "../checks/today";
import { usePaneStyles } from "../components/paneStyles";
import { XLSX_MIME, saveFile } from "../preview/downloadXlsx";
import { errorMessage } from "../useWorkbookSession";
import { count } from "../wording";
import { buildCountyWorkbook, type CountyWorkbook } from "./countyRollUp";

type Outcome = { kind: "done"; county: CountyWorkbook } | { kind: "error"; message: string };

/**
 * "County roll-up": several districts' plan workbooks made into one county workbook. Only the preview
 * can read other files (Office.js gives the pane the open workbook alone), so in Excel the section says
 * where to do it instead. The pane puts it in its PaneSection, as it does every section.
 */
export function RollUpSection({ preview }: { preview: boolean }) {
  return preview ? <PickDistricts /> : <ElsewhereNote />;
}

function ElsewhereNote() {
  const pane = usePaneStyles();
  return (
    <Text className={pane.detail}>
      Rolling up the districts&apos; plans reads several workbooks at once, which an add-in inside Excel cannot do. Use
      the browser preview (pick the districts&apos; .xlsx files there) or the command line: inspection-ready rollup
      FOLDER --out COUNTY.xlsx.
    </Text>
  );
}

function PickDistricts() {
  const pane = usePaneStyles();
  const input = useRef<HTMLInputElement>(null);
  const noteId = useId();
  const [working, setWorking] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  const onFiles = async (event: ChangeEvent<HTMLInputElement>) => {
    const chosen = [...(event.target.files ?? [])];
    event.target.value = ""; // the same files can be picked again after a change
    if (chosen.length === 0) return;
    setWorking(true);
    setOutcome(null);
    try {
      const files = await Promise.all(chosen.map(async (f) => ({ name: f.name, bytes: await f.arrayBuffer() })));
      const county = await buildCountyWorkbook(files, todaySerial());
      saveFile(new Blob([county.bytes], { type: XLSX_MIME }), county.fileName);
      setOutcome({ kind: "done", county });
    } catch (error) {
      setOutcome({ kind: "error", message: errorMessage(error) });
    } finally {
      setWorking(false);
    }
  };

  return (
    <>
      <Text className={pane.detail} id={noteId}>
        Pick every district&apos;s plan workbook (.xlsx) at once to download one county workbook: each judgement by
        district, each district&apos;s RAG counts, exceptions and direction of travel, and the county&apos;s totals.
        Pick last time&apos;s county roll-up with them to compare each district with it. The files are read in this page
        and never leave your computer.
      </Text>
      <div className={pane.actions}>
        <Button
          size="small"
          appearance="primary"
          onClick={() => input.current?.click()}
          disabledFocusable={working}
          aria-describedby={noteId}
        >
          {working ? "Rolling up…" : "Choose district plans…"}
        </Button>
        <input
          ref={input}
          type="file"
          multiple
          accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          className={pane.hiddenInput}
          tabIndex={-1}
          aria-hidden="true"
          data-testid="rollup-files"
          onChange={onFiles}
        />
      </div>
      <div role="status" aria-live="polite" data-testid="rollup-status">
        {outcome?.kind === "error" && (
          <MessageBar intent="error" layout="multiline">
            <MessageBarBody>
              <MessageBarTitle>The plans could not be rolled up</MessageBarTitle>
              {outcome.message}
            </MessageBarBody>
          </MessageBar>
        )}
        {outcome?.kind === "done" && <Done county={outcome.county} />}
      </div>
    </>
  );
}

function Done({ county }: { county: CountyWorkbook }) {
  const pane = usePaneStyles();
  const { rollUp } = county;
  const totals = Object.entries(rollUp.totals)
    .filter(([label, n]) => label !== NO_STATUS || n > 0)
    .map(([label, n]) => `${label} ${n}`)
    .join(", ");
  return (
    <MessageBar intent={county.unreadable.length > 0 ? "warning" : "success"} layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>Downloaded {county.fileName}</MessageBarTitle>
        {count(rollUp.districts.length, "district plan")} rolled up
        {county.previousName ? `, compared with ${county.previousName}` : ""}. County totals: {totals}.
        {county.unreadable.length > 0 && (
          <ul className={pane.list}>
            {county.unreadable.map((u) => (
              <li key={u.file}>
                {u.file} was not rolled up: {u.reason}
              </li>
            ))}
          </ul>
        )}
      </MessageBarBody>
    </MessageBar>
  );
}
