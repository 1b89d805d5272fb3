import {
  Button,
  FluentProvider,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Subtitle2,
  Text,
  Title3,
  makeStyles,
  mergeClasses,
  tokens,
  webLightTheme,
} from "@fluentui/react-components";
import { useMemo, useState } from "react";
import { createWorkbook, createWorkbookQuery } from "../commands/createWorkbook";
import type { Framework } from "../domain/framework";
import { builtInFrameworks } from "../domain/frameworks";
import { ExcelWorkbook } from "../workbook/excel/excelWorkbook";
import { MemoryWorkbook } from "../workbook/memory/memoryWorkbook";
import type { WorkbookAdapter } from "../workbook/types";
import { FrameworkPicker } from "./components/FrameworkPicker";
import { StatusMessage } from "./components/StatusMessage";
import { WorkbookPreview } from "./components/WorkbookPreview";
import { PREVIEW_FIRST_SHEET, buildXlsx, saveFile } from "./preview/downloadXlsx";
import { errorMessage, useWorkbookSession } from "./useWorkbookSession";

/** Where the pane runs: inside Excel, in a plain browser (the preview), or somewhere it cannot work. */
export type PaneHost = { kind: "excel" } | { kind: "preview" } | { kind: "unsupported"; reason: string };

const DOWNLOAD_NAME = "Inspection Ready workbook.xlsx";

const useStyles = makeStyles({
  provider: { height: "100%", backgroundColor: tokens.colorNeutralBackground2 },
  main: { height: "100%", boxSizing: "border-box" },
  previewLayout: {
    display: "grid",
    gridTemplateColumns: "minmax(300px, 360px) minmax(0, 1fr)",
    "@media (max-width: 760px)": { gridTemplateColumns: "minmax(0, 1fr)", height: "auto" },
  },
  pane: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
    padding: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalL}`,
    backgroundColor: tokens.colorNeutralBackground1,
    overflowY: "auto",
    boxSizing: "border-box",
    minWidth: 0,
  },
  paneBeside: {
    borderRight: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    boxShadow: tokens.shadow4,
  },
  heading: { margin: 0 },
  intro: { color: tokens.colorNeutralForeground2 },
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  actions: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalS },
  detail: { color: tokens.colorNeutralForeground2 },
  centre: { display: "flex", height: "100%", alignItems: "center", justifyContent: "center" },
  grid: { minWidth: 0, minHeight: 0, height: "100%" },
});

export function App({ host }: { host: PaneHost | null }) {
  const styles = useStyles();
  return (
    <FluentProvider theme={webLightTheme} className={styles.provider}>
      {host === null ? (
        <div className={styles.centre}>
          <Spinner label="Starting Inspection Ready…" />
        </div>
      ) : host.kind === "unsupported" ? (
        <main className={mergeClasses(styles.main, styles.pane)}>
          <Title3 as="h1" className={styles.heading}>
            Inspection Ready
          </Title3>
          <MessageBar intent="error" layout="multiline">
            <MessageBarBody>
              <MessageBarTitle>Inspection Ready cannot run here</MessageBarTitle>
              {host.reason}
            </MessageBarBody>
          </MessageBar>
        </main>
      ) : (
        <Workspace preview={host.kind === "preview"} />
      )}
    </FluentProvider>
  );
}

function Workspace({ preview }: { preview: boolean }) {
  const styles = useStyles();
  const [workbook] = useState<WorkbookAdapter>(() =>
    preview ? MemoryWorkbook.withSheets(PREVIEW_FIRST_SHEET) : new ExcelWorkbook(),
  );
  const session = useWorkbookSession(workbook);
  const frameworks = useMemo(loadFrameworks, []);
  const [frameworkId, setFrameworkId] = useState(() => (frameworks.ok ? (frameworks.list[0]?.id ?? "") : ""));
  const [activeSheet, setActiveSheet] = useState(PREVIEW_FIRST_SHEET);
  const [downloading, setDownloading] = useState(false);
  const [downloadError, setDownloadError] = useState<string | null>(null);

  const createActionPlan = async () => {
    const framework = frameworks.ok ? frameworks.list.find((f) => f.id === frameworkId) : undefined;
    if (!framework) return;
    const report = await session.run({
      query: createWorkbookQuery,
      plan: (snapshot) => createWorkbook(snapshot, { framework, kinds: ["action-plan"], now: new Date() }),
      describe: (r) =>
        `Created sheet "${r.sheet}" with ${r.rows} ${r.rows === 1 ? "row" : "rows"} from ${r.framework.name}.`,
      failure: "Could not create the action plan",
    });
    if (report) setActiveSheet(report.sheet);
  };

  const download = async () => {
    setDownloading(true);
    setDownloadError(null);
    try {
      saveFile(await buildXlsx(session.applied), DOWNLOAD_NAME);
    } catch (error) {
      setDownloadError(errorMessage(error));
    } finally {
      setDownloading(false);
    }
  };

  const pane = (
    <div className={mergeClasses(styles.pane, preview && styles.paneBeside)}>
      <header className={styles.section}>
        <Title3 as="h1" className={styles.heading}>
          Inspection Ready
        </Title3>
        <Text className={styles.intro}>Build and keep your inspection action plan in this workbook.</Text>
      </header>

      {preview && (
        <MessageBar intent="info" layout="multiline" data-testid="preview-banner">
          <MessageBarBody>
            <MessageBarTitle>Preview mode</MessageBarTitle>
            This browser preview keeps the workbook in this page only; nothing leaves your computer. Use “Download
            .xlsx” to keep a copy.
          </MessageBarBody>
        </MessageBar>
      )}

      <section className={styles.section} aria-labelledby="create-heading">
        <Subtitle2 as="h2" id="create-heading" className={styles.heading}>
          Create a plan
        </Subtitle2>
        {frameworks.ok ? (
          <FrameworkPicker
            frameworks={frameworks.list}
            value={frameworkId}
            onChange={setFrameworkId}
            disabled={session.busy}
          />
        ) : (
          <MessageBar intent="error" layout="multiline">
            <MessageBarBody>
              <MessageBarTitle>The built-in frameworks could not be loaded</MessageBarTitle>
              {frameworks.error}
            </MessageBarBody>
          </MessageBar>
        )}
        <div className={styles.actions}>
          <Button appearance="primary" onClick={createActionPlan} disabledFocusable={session.busy || !frameworkId}>
            Create action plan
          </Button>
          {session.busy && <Spinner size="tiny" label="Working…" labelPosition="after" />}
        </div>
        <StatusMessage status={session.status} onDismiss={session.clearStatus} />
      </section>

      <section className={styles.section} aria-labelledby="undo-heading">
        <Subtitle2 as="h2" id="undo-heading" className={styles.heading}>
          Undo
        </Subtitle2>
        <Text id="undo-detail" className={styles.detail}>
          {session.undoDescription
            ? `Last change: ${session.undoDescription}. Undo removes what it added, including anything typed there since.`
            : "Nothing to undo yet. Excel’s own Undo cannot reverse the add-in’s changes; this button can."}
        </Text>
        <div className={styles.actions}>
          <Button
            onClick={session.undo}
            disabledFocusable={session.busy || !session.undoDescription}
            aria-describedby="undo-detail"
          >
            Undo last change
          </Button>
        </div>
      </section>
    </div>
  );

  if (!preview) {
    return (
      <main className={styles.main} data-mode="excel">
        {pane}
      </main>
    );
  }
  return (
    <main className={mergeClasses(styles.main, styles.previewLayout)} data-mode="preview">
      {pane}
      <div className={styles.grid}>
        {downloadError && (
          <MessageBar intent="error" layout="multiline">
            <MessageBarBody>
              <MessageBarTitle>Could not build the .xlsx file</MessageBarTitle>
              {downloadError}
            </MessageBarBody>
          </MessageBar>
        )}
        <WorkbookPreview
          workbook={workbook as MemoryWorkbook}
          revision={session.applied.length}
          activeSheet={activeSheet}
          onSelectSheet={setActiveSheet}
          onDownload={download}
          downloading={downloading}
        />
      </div>
    </main>
  );
}

function loadFrameworks(): { ok: true; list: Framework[] } | { ok: false; error: string } {
  try {
    return { ok: true, list: builtInFrameworks() };
  } catch (error) {
    return { ok: false, error: errorMessage(error) };
  }
}
