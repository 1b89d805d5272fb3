import {
  Button,
  MessageBar,
  MessageBarBody,
  Spinner,
  Subtitle1,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useEffect, useMemo, useRef, useState, type ChangeEvent, type Dispatch, type SetStateAction } from "react";
import { columnLetters } from "../../workbook/address";
import type { MemoryWorkbook } from "../../workbook/memory/memoryWorkbook";
import type { OpenProgress } from "../preview/openXlsx";
import { GRID_PAGE_ROWS, gridModel, type GridModel } from "../preview/gridModel";
import { selectAddress, selectionAddress, type GridSelection } from "../preview/gridSelection";
import { MIN_COLUMN_WIDTH, PreviewGrid } from "./PreviewGrid";
import { ProgressWithCancel } from "./WorkProgress";
import { SheetTabs } from "./SheetTabs";
import { thousands } from "../wording";

/** A request to show a cell (a finding's), which the grid brings into view and announces. */
export interface GoToRequest {
  sheet: string;
  cell: string;
  /** Counts the requests, so going to the same cell again still brings it into view. */
  nonce: number;
}

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    minWidth: 0,
    minHeight: 0,
    height: "100%",
    gap: tokens.spacingVerticalS,
    padding: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalL}`,
    boxSizing: "border-box",
  },
  toolbar: {
    display: "flex",
    alignItems: "center",
    justifyContent: "space-between",
    gap: tokens.spacingHorizontalM,
    flexWrap: "wrap",
  },
  heading: { margin: 0, overflowWrap: "anywhere" },
  fileName: { fontWeight: tokens.fontWeightRegular, color: tokens.colorNeutralForeground2 },
  toolbarEnd: { display: "flex", alignItems: "center", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  hiddenInput: { display: "none" },
  selectionBar: {
    display: "flex",
    alignItems: "baseline",
    flexWrap: "wrap",
    gap: tokens.spacingHorizontalS,
    color: tokens.colorNeutralForeground2,
  },
  nameBox: {
    minWidth: "6em",
    padding: `0 ${tokens.spacingHorizontalS}`,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusSmall,
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
    fontFamily: tokens.fontFamilyMonospace,
  },
  hint: { fontSize: tokens.fontSizeBase200, overflowWrap: "anywhere" },
  widthControls: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalXS },
  visuallyHidden: {
    position: "absolute",
    width: "1px",
    height: "1px",
    overflow: "hidden",
    clipPath: "inset(50%)",
    whiteSpace: "nowrap",
  },
});

export interface WorkbookPreviewProps {
  workbook: MemoryWorkbook;
  /** Changes whenever the workbook does, so the grid is drawn again. */
  revision: number;
  activeSheet: string;
  onSelectSheet: (name: string) => void;
  onDownload: () => void;
  downloading: boolean;
  /** The .xlsx file the preview holds, or null for the new workbook it starts with. */
  fileName: string | null;
  onOpen: (file: File) => void;
  opening: boolean;
  /** How far opening a file has got, shown with a Cancel button while it reads. */
  openProgress?: OpenProgress | null;
  onCancelOpen?: () => void;
  /** Says that opening a file was cancelled (and the workbook shown is as it was). */
  openCancelled?: string | null;
  /** A command is running: the workbook must not be swapped under it. */
  busy: boolean;
  selection: GridSelection | null;
  onSelectionChange: Dispatch<SetStateAction<GridSelection | null>>;
  goTo: GoToRequest | null;
}

/** The preview's stand-in for Excel's grid: a tab per visible sheet and the active sheet's used range. */
export function WorkbookPreview({
  workbook,
  revision,
  activeSheet,
  onSelectSheet,
  onDownload,
  downloading,
  fileName,
  onOpen,
  opening,
  openProgress = null,
  onCancelOpen,
  openCancelled = null,
  busy,
  selection,
  onSelectionChange,
  goTo,
}: WorkbookPreviewProps) {
  const styles = useStyles();
  const fileInput = useRef<HTMLInputElement>(null);
  const onFile = (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = "";
    if (file) onOpen(file);
  };
  const visible = workbook.sheets.filter((s) => s.visibility === "visible").map((s) => s.name);
  const active = visible.find((name) => name === activeSheet) ?? visible[0] ?? null;
  // A long sheet is drawn a page of rows at a time; going to a cell (or the arrow keys) turns to its page.
  const [page, setPage] = useState(0);
  const activeRow = selection && selection.sheet === active ? selection.active.row : null;
  // Another sheet or workbook starts at its first page, unless a cell on it is selected (declared first, so the
  // selected cell's page wins when both change at once).
  useEffect(() => {
    setPage(0);
  }, [active, workbook]);
  useEffect(() => {
    if (activeRow !== null) setPage(Math.floor(activeRow / GRID_PAGE_ROWS));
  }, [activeRow, goTo]);
  const drawn = useMemo(
    () => (active ? gridModel(workbook, active, page * GRID_PAGE_ROWS) : null),
    [workbook, active, revision, page],
  );
  // Widths the user chose in the preview, by sheet and column: a way to read long text, not a change to the
  // workbook (the download keeps the widths the commands set).
  const [chosenWidths, setChosenWidths] = useState<ReadonlyMap<string, number>>(new Map());
  const model = useMemo(() => (drawn ? withChosenWidths(drawn, chosenWidths) : null), [drawn, chosenWidths]);
  const resizeColumn = (col: number, width: number) => {
    if (!model) return;
    const sheet = model.sheet;
    setChosenWidths((widths) => new Map(widths).set(widthKey(sheet, col), Math.min(MAX_WIDTH, width)));
  };
  const tabId = (name: string) => `sheet-tab-${visible.indexOf(name)}`;
  const shownSelection = model && selection?.sheet === model.sheet ? selection : null;
  const [announcement, setAnnouncement] = useState("");
  const activeCol = shownSelection?.active.col ?? null;
  const activeWidth = model && activeCol !== null ? (model.widths[activeCol] ?? null) : null;
  const changeWidth = (by: number) => {
    if (activeCol === null || activeWidth === null) return;
    const width = Math.max(MIN_COLUMN_WIDTH, Math.min(MAX_WIDTH, activeWidth + by));
    resizeColumn(activeCol, width);
    setAnnouncement(`Column ${columnLetters(activeCol)} is now ${width} pixels wide.`);
  };

  // Going to a finding's cell: say where the grid now is, as the highlight alone says nothing to a screen reader.
  useEffect(() => {
    if (!goTo) return;
    const { row, col } = selectAddress(goTo.sheet, goTo.cell).active;
    const where = `${goTo.sheet}!${goTo.cell}`;
    if (model?.sheet !== goTo.sheet) {
      setAnnouncement(`${where} is on a hidden sheet, which the preview does not show.`);
      return;
    }
    const text = model.rows[row - model.firstRow]?.[col]?.text ?? "";
    setAnnouncement(`Selected ${where}${text ? `: ${text}` : ", which is blank"}.`);
    // Only a new request is announced, not every change of the grid under it: hence goTo alone.
  }, [goTo]);

  return (
    <section className={styles.root} aria-labelledby="preview-heading">
      <div className={styles.toolbar}>
        <Subtitle1 as="h2" id="preview-heading" className={styles.heading}>
          Workbook preview
          {fileName && <span className={styles.fileName}>: {fileName}</span>}
        </Subtitle1>
        <div className={styles.toolbarEnd}>
          {opening && !openProgress && <Spinner size="tiny" label="Reading the file…" labelPosition="after" />}
          {downloading && <Spinner size="tiny" label="Preparing the file…" labelPosition="after" />}
          <Button
            appearance="secondary"
            onClick={() => fileInput.current?.click()}
            disabledFocusable={opening || downloading || busy}
            aria-describedby="open-xlsx-note"
          >
            Open .xlsx…
          </Button>
          <input
            ref={fileInput}
            type="file"
            accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            className={styles.hiddenInput}
            tabIndex={-1}
            aria-hidden="true"
            data-testid="xlsx-file"
            onChange={onFile}
          />
          <Button appearance="secondary" onClick={onDownload} disabledFocusable={downloading || opening || busy}>
            Download .xlsx
          </Button>
        </div>
      </div>
      {opening && openProgress && (
        <ProgressWithCancel
          label="Opening the workbook"
          text={openProgress.text}
          fraction={openProgress.fraction}
          {...(onCancelOpen ? { onCancel: onCancelOpen } : {})}
          testId="open-progress"
        />
      )}
      {openCancelled && !opening && (
        <MessageBar intent="info" data-testid="open-cancelled">
          <MessageBarBody>{openCancelled}</MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.selectionBar}>
        <span className={styles.hint}>Selected cells:</span>
        <span className={styles.nameBox} data-testid="grid-selection">
          {shownSelection ? selectionAddress(shownSelection) : "none"}
        </span>
        <span className={styles.hint}>
          Click a cell; Shift+click, or Shift and the arrow keys, extend the selection.
        </span>
        <span className={styles.widthControls} role="group" aria-label="Width of the selected column">
          <Button
            size="small"
            onClick={() => changeWidth(-WIDTH_STEP)}
            disabledFocusable={activeWidth === null || activeWidth <= MIN_COLUMN_WIDTH}
            aria-label={activeCol === null ? "Narrower column" : `Narrower column ${columnLetters(activeCol)}`}
          >
            Narrower
          </Button>
          <Button
            size="small"
            onClick={() => changeWidth(WIDTH_STEP)}
            disabledFocusable={activeWidth === null || activeWidth >= MAX_WIDTH}
            aria-label={activeCol === null ? "Wider column" : `Wider column ${columnLetters(activeCol)}`}
          >
            Wider
          </Button>
        </span>
      </div>
      <div role="status" aria-live="polite" className={styles.visuallyHidden} data-testid="grid-announcement">
        {announcement}
      </div>
      {model && model.rowCount > GRID_PAGE_ROWS && (
        <RowPager model={model} onPage={(first) => setPage(Math.floor(first / GRID_PAGE_ROWS))} />
      )}
      {model ? (
        <PreviewGrid
          // Another workbook, another grid: its pages are drawn in parts afresh (useRowsInParts).
          key={numberOf(workbook)}
          model={model}
          panelId="sheet-panel"
          labelledBy={tabId(model.sheet)}
          selection={shownSelection}
          onSelectionChange={onSelectionChange}
          revealKey={goTo?.nonce ?? 0}
          onResizeColumn={resizeColumn}
        />
      ) : (
        <Text>This workbook has no visible sheets.</Text>
      )}
      <SheetTabs sheets={visible} selected={active} onSelect={onSelectSheet} panelId="sheet-panel" tabId={tabId} />
    </section>
  );
}

/** "Rows 1–500 of 100,001", with the pages before and after, for a sheet too long to draw at once. */
function RowPager({ model, onPage }: { model: GridModel; onPage: (firstRow: number) => void }) {
  const styles = useStyles();
  const last = model.firstRow + model.rows.length;
  return (
    <div className={styles.selectionBar} role="group" aria-label="Rows shown" data-testid="grid-pager">
      <Button
        size="small"
        onClick={() => onPage(model.firstRow - GRID_PAGE_ROWS)}
        disabledFocusable={model.firstRow === 0}
      >
        Previous {GRID_PAGE_ROWS} rows
      </Button>
      <span className={styles.hint} data-testid="grid-rows-shown">
        Rows {model.firstRow + 1}–{last} of {thousands(model.rowCount)}
      </span>
      <Button size="small" onClick={() => onPage(last)} disabledFocusable={last >= model.rowCount}>
        Next {GRID_PAGE_ROWS} rows
      </Button>
    </div>
  );
}

/** How much "Wider" and "Narrower" change the selected column, and the widest it gets, in pixels. */
const WIDTH_STEP = 40;
const MAX_WIDTH = 800;

function widthKey(sheet: string, col: number): string {
  return `${sheet.toLowerCase()}\u0000${col}`;
}

function withChosenWidths(model: GridModel, chosen: ReadonlyMap<string, number>): GridModel {
  if (chosen.size === 0) return model;
  return { ...model, widths: model.widths.map((width, c) => chosen.get(widthKey(model.sheet, c)) ?? width) };
}

const workbookNumbers = new WeakMap<MemoryWorkbook, number>();
let workbooksNumbered = 0;

/** A number for each workbook the preview shows, the same for as long as it is shown. */
function numberOf(workbook: MemoryWorkbook): number {
  const known = workbookNumbers.get(workbook);
  if (known !== undefined) return known;
  workbookNumbers.set(workbook, ++workbooksNumbered);
  return workbooksNumbered;
}
