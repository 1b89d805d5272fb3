import {
  Accordion,
  FluentProvider,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Text,
  Title3,
  makeStyles,
  mergeClasses,
  tokens,
  webLightTheme,
} from "@fluentui/react-components";
import { lazy, useCallback, useMemo, useRef, useState } from "react";
import type { Framework } from "../domain/framework";
import { builtInFrameworks, frameworkInForce, isoDay } from "../domain/frameworks";
import { OffThreadExcelWorkbook } from "./offThread/offThreadExcelWorkbook";
import { MemoryWorkbook } from "../workbook/memory/memoryWorkbook";
import type { WorkbookAdapter } from "../workbook/types";
import { SelectionError, type CellSelection } from "./checks/selectionAddress";
import type { LiveMode } from "./checks/useChecks";
import type { ChecksPart } from "./components/ChecksSection";
import { CreateSection } from "./components/CreateSection";
import { PanePainted, PaneSection, useAfterFirstPaint } from "./components/PaneSection";
import { UndoSection } from "./components/UndoSection";
import { WorkbookPreview, type GoToRequest } from "./components/WorkbookPreview";
import {
  excelActiveSheetName,
  excelSelectionAddress,
  liveChecksSupported,
  selectExcelCell,
} from "../workbook/excel/excelUi";
import { splitAddress } from "./checks/selectionAddress";
import { PREVIEW_FIRST_SHEET, buildXlsx, saveFile } from "./preview/downloadXlsx";
import { selectAddress, selectionAddress, type GridSelection } from "./preview/gridSelection";
import { WorkProgress } from "./components/WorkProgress";
import { OpenCancelledError, openXlsx, type OpenProgress } from "./preview/openXlsx";
import { PreviewWorkbook } from "./preview/previewWorkbook";
import { errorMessage, useWorkbookSession, type WorkbookSession } from "./useWorkbookSession";
import { usePaneState } from "./workbook/usePaneState";
import { quoted } from "./wording";

/*
 * The sections closed at start come in their own scripts, so the pane's first script is small and the pane
 * shows at once (issue 14: ≤ 300 KB gzip, first render ≤ 1 s). Closed sections mount (hidden) straight
 * after the pane's first paint and stay mounted (PaneSection), so their scripts load while the user reads
 * the open one; until then PaneSection shows "Loading…" in the section, under its heading.
 */
const StructureSection = lazy(() =>
  import("./components/StructureSection").then((m) => ({ default: m.StructureSection })),
);
const RefreshSection = lazy(() => import("./components/RefreshSection").then((m) => ({ default: m.RefreshSection })));
const ChecksSection = lazy(() => import("./components/ChecksSection").then((m) => ({ default: m.ChecksSection })));
const ProjectionSection = lazy(() =>
  import("./components/ProjectionSection").then((m) => ({ default: m.ProjectionSection })),
);
const InspectionDatesSection = lazy(() =>
  import("./components/InspectionDatesSection").then((m) => ({ default: m.InspectionDatesSection })),
);
const AnnexASection = lazy(() => import("./components/AnnexASection").then((m) => ({ default: m.AnnexASection })));
const CommitteePackSection = lazy(() =>
  import("./components/CommitteePackSection").then((m) => ({ default: m.CommitteePackSection })),
);
const RollUpSection = lazy(() => import("./rollup/RollUpSection").then((m) => ({ default: m.RollUpSection })));

/** Where the pane runs: inside Excel, in a plain browser (the preview), or somewhere it cannot work. */
export type PaneHost = { kind: "excel" } | { kind: "preview" } | { kind: "unsupported"; reason: string };

const DOWNLOAD_NAME = "Inspection Ready workbook.xlsx";

/** The user's selection in Excel, as the pane works with it. */
async function readExcelSelection(): Promise<CellSelection> {
  return splitAddress(await excelSelectionAddress());
}

/** The parts of the pane that run commands; each shows the messages of the commands it started. */
type SectionId =
  | "create"
  | "structure"
  | "refresh"
  | ChecksPart
  | "write-summary"
  | "inspection"
  | "annexa-write"
  | "annexa-fix"
  | "annexa-audit"
  | "pack"
  | "undo";

/** The pane's collapsible sections, in order. */
type PanelId = "create" | "structure" | "refresh" | "checks" | "projection" | "inspection" | "annexa" | "pack";

/** Open when the pane starts: the rest are a click (or Enter on their heading) away. */
const FIRST_OPEN: PanelId[] = ["create"];

const useStyles = makeStyles({
  provider: { height: "100%", backgroundColor: tokens.colorNeutralBackground2 },
  main: { height: "100%", boxSizing: "border-box" },
  previewLayout: {
    display: "grid",
    gridTemplateColumns: "minmax(300px, 380px) minmax(0, 1fr)",
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
    height: "100%",
    // Sections keep their height and the pane scrolls, rather than squeezing them into the window.
    "& > *": { flexShrink: 0 },
  },
  paneBeside: {
    borderRight: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    boxShadow: tokens.shadow4,
  },
  header: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  sections: { display: "flex", flexDirection: "column" },
  heading: { margin: 0 },
  intro: { color: tokens.colorNeutralForeground2 },
  grid: { display: "flex", flexDirection: "column", minWidth: 0, minHeight: 0, height: "100%" },
  gridMessage: { margin: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalL} 0` },
});

export function App({ host }: { host: PaneHost }) {
  const styles = useStyles();
  return (
    <FluentProvider theme={webLightTheme} className={styles.provider}>
      {host.kind === "unsupported" ? (
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
      ) : host.kind === "preview" ? (
        <PreviewWorkspace />
      ) : (
        <ExcelWorkspace />
      )}
    </FluentProvider>
  );
}

/** The planning worker's module loads only when a large workbook is first planned (see OFF_THREAD_ROWS). */
const startPlanJobWorker = () =>
  import(/* webpackChunkName: "start-plan-job" */ "./offThread/startPlanJobWorker").then((m) => m.startPlanJobWorker());

/** Inside Excel: the pane alone, working on the open workbook and its active sheet. */
function ExcelWorkspace() {
  const styles = useStyles();
  const session = useWorkbookSession<WorkbookAdapter>(() => new OffThreadExcelWorkbook(startPlanJobWorker));
  const [liveMode] = useState<LiveMode>(() => (liveChecksSupported() ? "supported" : "unsupported"));
  return (
    <main className={styles.main} data-mode="excel">
      <Pane
        session={session}
        activeSheet={null}
        readActiveSheet={excelActiveSheetName}
        onShowSheet={() => {}}
        liveMode={liveMode}
        goToCell={selectExcelCell}
        readSelection={readExcelSelection}
        selectionNote="Sets the cells you have selected in Excel."
      />
    </main>
  );
}

/**
 * In a plain browser: the pane beside a grid of an in-memory workbook, which starts as a new workbook
 * or is read from an .xlsx the user opens, and downloads as .xlsx with every change replayed onto it.
 */
function PreviewWorkspace() {
  const styles = useStyles();
  const session = useWorkbookSession<MemoryWorkbook>(() => MemoryWorkbook.withSheets(PREVIEW_FIRST_SHEET));
  const [activeSheet, setActiveSheet] = useState(PREVIEW_FIRST_SHEET);
  const [file, setFile] = useState<{ name: string; bytes: ArrayBuffer } | null>(null);
  const [opening, setOpening] = useState(false);
  const [downloading, setDownloading] = useState(false);
  const [fileError, setFileError] = useState<{ title: string; message: string } | null>(null);
  const [selection, setSelection] = useState<GridSelection | null>(null);
  const [goTo, setGoTo] = useState<GoToRequest | null>(null);
  // The sheet's grid comes just after the pane's first paint: drawing it with the pane made the pane's first
  // render about 60 ms longer (issue 14), and it is the pane that users act on first.
  const gridShown = useAfterFirstPaint();
  // The tab the user chose, or the first visible sheet when that one has gone (an undo can remove it).
  const visible = session.workbook.sheets.filter((s) => s.visibility === "visible").map((s) => s.name);
  const shown = visible.find((name) => name.toLowerCase() === activeSheet.toLowerCase()) ?? visible[0] ?? null;

  const [openProgress, setOpenProgress] = useState<OpenProgress | null>(null);
  const [openCancelled, setOpenCancelled] = useState<string | null>(null);
  const cancelOpen = useRef<AbortController | null>(null);
  const open = async (chosen: File) => {
    setOpening(true);
    setFileError(null);
    setOpenCancelled(null);
    cancelOpen.current = new AbortController();
    try {
      const opened = await openXlsx(chosen, { onProgress: setOpenProgress, signal: cancelOpen.current.signal });
      const previous = session.workbook;
      session.replaceWorkbook(opened.workbook);
      // The workbook shown before is gone, and with it its twin's worker.
      if (previous instanceof PreviewWorkbook) previous.endTwin();
      setFile({ name: opened.fileName, bytes: opened.bytes });
      setSelection(null);
      const first = opened.workbook.sheets.find((s) => s.visibility === "visible");
      setActiveSheet(first?.name ?? "");
    } catch (error) {
      if (error instanceof OpenCancelledError) setOpenCancelled(error.message);
      else setFileError({ title: `Could not open ${quoted(chosen.name)}`, message: errorMessage(error) });
    } finally {
      setOpening(false);
      setOpenProgress(null);
      cancelOpen.current = null;
    }
  };

  const goToCell = async (sheet: string, cell: string) => {
    setActiveSheet(sheet);
    setSelection(selectAddress(sheet, cell));
    setGoTo((last) => ({ sheet, cell, nonce: (last?.nonce ?? 0) + 1 }));
  };

  const selected = selection && shown && selection.sheet.toLowerCase() === shown.toLowerCase() ? selection : null;
  const readSelection = async (): Promise<CellSelection> => {
    if (!selected) {
      throw new SelectionError("Nothing is selected in the grid: click a cell of a RAG column, then try again.");
    }
    return { sheet: selected.sheet, range: selectionAddress(selected) };
  };

  const download = async () => {
    setDownloading(true);
    setFileError(null);
    try {
      saveFile(await buildXlsx(session.applied, file?.bytes ?? null), file?.name ?? DOWNLOAD_NAME);
    } catch (error) {
      setFileError({ title: "Could not build the .xlsx file", message: errorMessage(error) });
    } finally {
      setDownloading(false);
    }
  };

  return (
    <main className={mergeClasses(styles.main, styles.previewLayout)} data-mode="preview">
      <Pane
        session={session}
        activeSheet={shown}
        readActiveSheet={async () => shown ?? ""}
        onShowSheet={setActiveSheet}
        liveMode="none"
        goToCell={goToCell}
        readSelection={readSelection}
        selectionNote={
          selected
            ? `Selected: ${selected.sheet}!${selectionAddress(selected)}`
            : "Select the cells to set in the grid: click a cell; Shift+click, or Shift and the arrow keys, extend the selection."
        }
        preview
      />
      <div className={styles.grid}>
        {fileError && (
          <MessageBar intent="error" layout="multiline" className={styles.gridMessage} data-testid="file-error">
            <MessageBarBody>
              <MessageBarTitle>{fileError.title}</MessageBarTitle>
              {fileError.message}
            </MessageBarBody>
          </MessageBar>
        )}
        {gridShown && (
          <WorkbookPreview
            workbook={session.workbook}
            revision={session.applied.length}
            activeSheet={shown ?? ""}
            onSelectSheet={setActiveSheet}
            onDownload={download}
            downloading={downloading}
            fileName={file?.name ?? null}
            onOpen={open}
            opening={opening}
            openProgress={openProgress}
            onCancelOpen={() => cancelOpen.current?.abort()}
            openCancelled={openCancelled}
            busy={session.busy}
            selection={selection}
            onSelectionChange={setSelection}
            goTo={goTo}
          />
        )}
      </div>
    </main>
  );
}

interface PaneProps {
  session: WorkbookSession<WorkbookAdapter>;
  /** The sheet in front of the user where the pane knows it (the preview's selected tab). */
  activeSheet: string | null;
  readActiveSheet: () => Promise<string>;
  /** Shows a sheet a command made or changed (the preview selects its tab). */
  onShowSheet: (sheet: string) => void;
  /** Whether the findings can follow people's edits: in Excel with ExcelApi 1.7, never in the preview. */
  liveMode: LiveMode;
  goToCell: (sheet: string, cell: string) => Promise<void>;
  readSelection: () => Promise<CellSelection>;
  /** What "Set RAG for the selection" will set, in words. */
  selectionNote: string;
  preview?: boolean;
}

/** The task pane itself: the same in Excel and in the preview. */
function Pane({ session, activeSheet, readActiveSheet, onShowSheet, preview = false, ...checks }: PaneProps) {
  const styles = useStyles();
  const frameworks = useMemo(loadFrameworks, []);
  const [loaded, setLoaded] = useState<Framework[]>([]);
  // England's framework in force today to start with: what most councils prepare against.
  const [frameworkId, setFrameworkId] = useState(() =>
    frameworks.ok ? (frameworkInForce("England", isoDay(new Date()))?.id ?? frameworks.list[0]?.id ?? "") : "",
  );
  const [owner, setOwner] = useState<SectionId>("create");
  const [open, setOpen] = useState<PanelId[]>(FIRST_OPEN);
  const painted = useAfterFirstPaint();
  const builtIn = frameworks.ok ? frameworks.list : [];
  const all = useMemo(() => [...builtIn, ...loaded], [builtIn, loaded]);
  const chosenFramework = all.find((f) => f.id === frameworkId);
  const workbookState = usePaneState(session, all);
  const { facts } = workbookState;

  const section = useCallback(
    (id: SectionId) => ({
      claimStatus: () => setOwner(id),
      status: owner === id ? session.status : null,
      working: owner === id && session.busy,
    }),
    [owner, session.status, session.busy],
  );

  const addFramework = (framework: Framework) => {
    setLoaded((list) => [...list.filter((f) => f.id !== framework.id), framework]);
    setFrameworkId(framework.id);
  };

  return (
    <div className={mergeClasses(styles.pane, preview && styles.paneBeside)} data-testid="pane">
      <header className={styles.header}>
        <Title3 as="h1" className={styles.heading}>
          Inspection Ready
        </Title3>
        <Text className={styles.intro}>Build and keep your inspection plans in this workbook.</Text>
      </header>

      {preview && (
        <MessageBar intent="info" layout="multiline" data-testid="preview-banner">
          <MessageBarBody>
            <MessageBarTitle>Preview mode</MessageBarTitle>
            This browser preview keeps the workbook in this page only.{" "}
            <span id="open-xlsx-note">
              “Open .xlsx…” reads one of your own workbooks here, in the page: the file never leaves your computer.
            </span>{" "}
            Use “Download .xlsx” to keep a copy with your changes.
          </MessageBarBody>
        </MessageBar>
      )}

      {!frameworks.ok && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>The built-in frameworks could not be loaded</MessageBarTitle>
            {frameworks.error}
          </MessageBarBody>
        </MessageBar>
      )}

      <WorkProgress progress={session.progress} onCancel={session.cancel} />

      <PanePainted.Provider value={painted}>
        <Accordion
          multiple
          collapsible
          openItems={open}
          onToggle={(_, data) => setOpen(data.openItems as PanelId[])}
          className={styles.sections}
        >
          <PaneSection value="create" title="Create a plan" testId="create-section">
            <CreateSection
              session={session}
              builtIn={builtIn}
              loaded={loaded}
              onLoad={addFramework}
              frameworkId={frameworkId}
              onFrameworkChange={setFrameworkId}
              onCreated={onShowSheet}
              {...section("create")}
            />
          </PaneSection>
          <PaneSection value="structure" title="Structure an existing sheet" testId="structure-section">
            <StructureSection
              session={session}
              activeSheet={activeSheet}
              readActiveSheet={readActiveSheet}
              onStructured={onShowSheet}
              {...section("structure")}
            />
          </PaneSection>
          <PaneSection value="refresh" title="Keep plans up to date" testId="refresh-section">
            <RefreshSection
              session={session}
              frameworks={all}
              planFramework={facts.planFramework}
              {...section("refresh")}
            />
          </PaneSection>
          <PaneSection value="checks" title="Check the plans" testId="checks-section">
            <ChecksSection session={session} workbookState={workbookState} part={section} {...checks} />
          </PaneSection>
          <PaneSection value="projection" title="Projected judgements" testId="projection-section">
            <ProjectionSection
              session={session}
              frameworks={all}
              fallbackFramework={chosenFramework}
              facts={facts}
              workbookState={workbookState}
              goToCell={checks.goToCell}
              onShowSheet={onShowSheet}
              preview={preview}
              {...section("write-summary")}
            />
          </PaneSection>
          <PaneSection value="inspection" title="Inspection dates" testId="inspection-section">
            <InspectionDatesSection
              session={session}
              frameworks={all}
              fallbackFramework={chosenFramework}
              facts={facts}
              onShowSheet={onShowSheet}
              {...section("inspection")}
            />
          </PaneSection>
          <PaneSection value="annexa" title="Annex A lists" testId="annexa-section">
            <AnnexASection
              session={session}
              workbookState={workbookState}
              goToCell={checks.goToCell}
              onShowSheet={onShowSheet}
              preview={preview}
              part={section}
              frameworks={all}
            />
          </PaneSection>
          <PaneSection value="pack" title="Committee pack" testId="pack-section">
            <CommitteePackSection session={session} preview={preview} {...section("pack")} />
          </PaneSection>
          <PaneSection value="rollup" title="County roll-up" testId="rollup-section">
            <RollUpSection preview={preview} />
          </PaneSection>
        </Accordion>
      </PanePainted.Provider>
      <UndoSection session={session} {...section("undo")} />
    </div>
  );
}

function loadFrameworks(): { ok: true; list: Framework[] } | { ok: false; error: string } {
  try {
    return { ok: true, list: builtInFrameworks() };
  } catch (error) {
    return { ok: false, error: errorMessage(error) };
  }
}
