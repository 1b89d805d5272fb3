import { Button, Spinner, Subtitle1, Text, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { useMemo, useRef, type ChangeEvent } from "react";
import { columnLetters } from "../../workbook/address";
import type { MemoryWorkbook } from "../../workbook/memory/memoryWorkbook";
import { gridModel, type GridCell } from "../preview/gridModel";
import { SheetTabs } from "./SheetTabs";

const COLUMN_HEADER_HEIGHT = 22;
const ROW_HEADER_WIDTH = 40;

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
  scroller: {
    flex: 1,
    minHeight: "240px",
    overflow: "auto",
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    ":focus-visible": {
      outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`,
      outlineOffset: "2px",
    },
  },
  table: {
    borderCollapse: "separate",
    borderSpacing: 0,
    tableLayout: "fixed",
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    color: tokens.colorNeutralForeground1,
  },
  caption: {
    position: "absolute",
    width: "1px",
    height: "1px",
    overflow: "hidden",
    clipPath: "inset(50%)",
    whiteSpace: "nowrap",
  },
  columnHeader: {
    position: "sticky",
    top: 0,
    zIndex: 2,
    backgroundColor: tokens.colorNeutralBackground3,
    color: tokens.colorNeutralForeground2,
    fontWeight: tokens.fontWeightRegular,
    textAlign: "center",
    height: `${COLUMN_HEADER_HEIGHT}px`,
    boxSizing: "border-box",
    padding: `0 ${tokens.spacingHorizontalXS}`,
    borderRight: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
  },
  corner: { left: 0, zIndex: 4 },
  // The first frozen row stays under the column letters, as a frozen header row does in Excel.
  frozen: { position: "sticky", top: `${COLUMN_HEADER_HEIGHT}px`, zIndex: 1 },
  frozenRowHeader: { zIndex: 3 },
  rowHeader: {
    position: "sticky",
    left: 0,
    zIndex: 1,
    width: `${ROW_HEADER_WIDTH}px`,
    backgroundColor: tokens.colorNeutralBackground3,
    color: tokens.colorNeutralForeground2,
    fontWeight: tokens.fontWeightRegular,
    textAlign: "center",
    verticalAlign: "top",
    padding: `2px ${tokens.spacingHorizontalXS}`,
    borderRight: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  cell: {
    padding: `2px ${tokens.spacingHorizontalXS}`,
    verticalAlign: "top",
    borderRight: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    whiteSpace: "nowrap",
    overflow: "hidden",
    textOverflow: "ellipsis",
  },
  wrap: { whiteSpace: "pre-wrap", overflowWrap: "anywhere" },
  // The action plan's table style (TableStyleMedium2): blue header, light blue bands.
  tableHeader: { backgroundColor: "#4472C4", color: "#FFFFFF", fontWeight: tokens.fontWeightSemibold },
  tableBand: { backgroundColor: "#D9E1F2" },
  formula: { fontStyle: "italic", color: tokens.colorNeutralForeground2 },
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
  /** A command is running: the workbook must not be swapped under it. */
  busy: boolean;
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
  busy,
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
  const model = useMemo(() => (active ? gridModel(workbook, active) : null), [workbook, active, revision]);
  const tabId = (name: string) => `sheet-tab-${visible.indexOf(name)}`;

  return (
    <section className={styles.root} aria-labelledby="preview-heading">
      <div className={styles.toolbar}>
        <Subtitle1 as="h2" id="preview-heading" className={styles.heading}>
          Workbook preview
          {fileName && <span className={styles.fileName}>: {fileName}</span>}
        </Subtitle1>
        <div className={styles.toolbarEnd}>
          {opening && <Spinner size="tiny" label="Reading the file…" labelPosition="after" />}
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
      {model ? (
        <div
          id="sheet-panel"
          role="tabpanel"
          aria-labelledby={tabId(model.sheet)}
          className={styles.scroller}
          tabIndex={0}
        >
          <table
            className={styles.table}
            style={{ width: ROW_HEADER_WIDTH + model.widths.reduce((sum, width) => sum + width, 0) }}
            data-testid="sheet-grid"
          >
            <caption className={styles.caption}>Cells of the sheet “{model.sheet}”</caption>
            <colgroup>
              <col style={{ width: ROW_HEADER_WIDTH }} />
              {model.widths.map((width, c) => (
                <col key={c} style={{ width }} />
              ))}
            </colgroup>
            <thead>
              <tr>
                <td className={mergeClasses(styles.columnHeader, styles.corner)} aria-hidden="true" />
                {model.widths.map((_, c) => (
                  <th key={c} scope="col" className={styles.columnHeader}>
                    {columnLetters(c)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {model.rows.map((cells, r) => {
                const frozen = r === 0 && model.frozenRows > 0;
                return (
                  <tr key={r} style={model.heights[r] ? { height: model.heights[r]! } : undefined}>
                    <th
                      scope="row"
                      className={mergeClasses(
                        styles.rowHeader,
                        frozen && styles.frozen,
                        frozen && styles.frozenRowHeader,
                      )}
                    >
                      {r + 1}
                    </th>
                    {cells.map((cell, c) => (
                      <GridCellView key={c} cell={cell} frozen={frozen} styles={styles} />
                    ))}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      ) : (
        <Text>This workbook has no visible sheets.</Text>
      )}
      <SheetTabs sheets={visible} selected={active} onSelect={onSelectSheet} panelId="sheet-panel" tabId={tabId} />
    </section>
  );
}

function GridCellView({
  cell,
  frozen,
  styles,
}: {
  cell: GridCell;
  frozen: boolean;
  styles: ReturnType<typeof useStyles>;
}) {
  const className = mergeClasses(
    styles.cell,
    frozen && styles.frozen,
    cell.wrap && styles.wrap,
    cell.role === "tableHeader" && styles.tableHeader,
    cell.role === "tableBand" && styles.tableBand,
    cell.formula && styles.formula,
  );
  const style = cell.style
    ? {
        backgroundColor: cell.style.fill,
        color: cell.style.fontColour,
        fontWeight: cell.style.bold ? 600 : undefined,
      }
    : undefined;
  return (
    <td
      className={className}
      style={style}
      title={cell.formula ? "A formula: Excel calculates it when the file is opened" : undefined}
    >
      {cell.text}
    </td>
  );
}
