import { makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import {
  memo,
  useEffect,
  useId,
  useRef,
  type Dispatch,
  type KeyboardEvent,
  type MouseEvent,
  type SetStateAction,
} from "react";
import { columnLetters } from "../../workbook/address";
import type { GridCell, GridModel } from "../preview/gridModel";
import {
  isSelected,
  moveSelection,
  selectCell,
  selectionRange,
  type GridPoint,
  type GridSelection,
} from "../preview/gridSelection";
import { useRowsInParts } from "./useRowsInParts";

const COLUMN_HEADER_HEIGHT = 22;
const ROW_HEADER_WIDTH = 40;

const useStyles = makeStyles({
  scroller: {
    flex: 1,
    minHeight: "240px",
    overflow: "auto",
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    ":has(:focus-visible)": {
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
    userSelect: "none",
    ":focus": { outline: "none" },
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
  // A strip on the right edge of a column letter, dragged to make the column wider or narrower.
  resizeHandle: {
    position: "absolute",
    top: 0,
    right: "-3px",
    width: "7px",
    height: "100%",
    cursor: "col-resize",
    zIndex: 1,
    ":hover": { backgroundColor: tokens.colorBrandStroke1 },
  },
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
  // The headers of the selected rows and columns, as Excel marks them.
  headerSelected: { backgroundColor: tokens.colorNeutralBackground3Pressed, color: tokens.colorNeutralForeground1 },
  cell: {
    padding: `2px ${tokens.spacingHorizontalXS}`,
    verticalAlign: "top",
    borderRight: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    whiteSpace: "nowrap",
    overflow: "hidden",
    textOverflow: "ellipsis",
    cursor: "cell",
  },
  wrap: { whiteSpace: "pre-wrap", overflowWrap: "anywhere" },
  // The action plan's table style (TableStyleMedium2): blue header, light blue bands.
  tableHeader: { backgroundColor: "#4472C4", color: "#FFFFFF", fontWeight: tokens.fontWeightSemibold },
  tableBand: { backgroundColor: "#D9E1F2" },
  formula: { fontStyle: "italic", color: tokens.colorNeutralForeground2 },
  // A tint over whatever fill the cell has (RAG colours included), so the selection shows on every cell.
  selected: { boxShadow: "inset 0 0 0 999px rgba(15, 108, 189, 0.16)" },
  // The active cell: a dark ring with a white one inside it, visible on every fill.
  active: {
    outline: `2px solid ${tokens.colorNeutralForeground1}`,
    outlineOffset: "-2px",
    boxShadow: "inset 0 0 0 3px #FFFFFF",
  },
});

type Styles = ReturnType<typeof useStyles>;

export interface PreviewGridProps {
  model: GridModel;
  /** The tab panel's id and the tab that labels it. */
  panelId: string;
  labelledBy: string;
  selection: GridSelection | null;
  onSelectionChange: Dispatch<SetStateAction<GridSelection | null>>;
  /** Changes when the active cell must be brought into view again (going to a finding's cell). */
  revealKey: number;
  /** A column's new width in pixels, dragged on its letter's right edge; the grid cannot be resized without it. */
  onResizeColumn?: (col: number, width: number) => void;
}

/** The narrowest a dragged column gets, in pixels. */
export const MIN_COLUMN_WIDTH = 24;

/**
 * The sheet's cells as an ARIA grid, selectable as in Excel: click a cell, Shift+click or drag to extend;
 * with the grid focused the arrow keys move the active cell and Shift+arrows extend the selection. Focus
 * stays on the grid and the active cell is its active descendant, so screen readers read the cell.
 */
export function PreviewGrid({
  model,
  panelId,
  labelledBy,
  selection,
  onSelectionChange,
  revealKey,
  onResizeColumn,
}: PreviewGridProps) {
  const styles = useStyles();
  const idPrefix = useId();
  const scroller = useRef<HTMLDivElement>(null);
  const dragging = useRef(false);
  const mine = selection?.sheet === model.sheet ? selection : null;
  const range = mine ? selectionRange(mine) : null;
  const cellId = (row: number, col: number) => `${idPrefix}r${row}c${col}`;
  const activeRow = mine?.active.row;
  const activeCol = mine?.active.col;
  // The active cell's row must be drawn, when it is on this page (the page turns to it a render later).
  const activeOnPage =
    activeRow !== undefined && activeRow >= model.firstRow && activeRow < model.firstRow + model.rows.length;
  const rowsDrawn = useRowsInParts(
    `${model.sheet}\u0000${model.firstRow}`,
    model.rows.length,
    activeOnPage ? activeRow - model.firstRow + 1 : 0,
  );

  useEffect(() => {
    const stop = () => (dragging.current = false);
    window.addEventListener("mouseup", stop);
    return () => window.removeEventListener("mouseup", stop);
  }, []);

  // Keep the active cell in view, clear of the sticky column letters, frozen row and row numbers. Again when
  // the page turns to the active cell's (the arrow keys past a page's edge): that comes a render later.
  useEffect(() => {
    if (activeRow === undefined || activeCol === undefined || !scroller.current) return;
    const cell = document.getElementById(`${idPrefix}r${activeRow}c${activeCol}`);
    if (!cell) return;
    const table = scroller.current.querySelector("table");
    // The frozen row stays in view only on the first page, where it is drawn.
    const frozenRow =
      model.frozenRows > 0 && model.firstRow === 0 && activeRow > 0
        ? (table?.tBodies[0]?.rows[0]?.offsetHeight ?? 0)
        : 0;
    reveal(scroller.current, cell, (table?.tHead?.offsetHeight ?? COLUMN_HEADER_HEIGHT) + frozenRow, ROW_HEADER_WIDTH);
  }, [idPrefix, model.sheet, model.firstRow, model.frozenRows, activeRow, activeCol, revealKey]);

  const extendTo = (point: GridPoint) =>
    onSelectionChange((current) =>
      current?.sheet === model.sheet ? { ...current, active: point } : selectCell(model.sheet, point),
    );

  const onMouseDown = (event: MouseEvent<HTMLTableElement>) => {
    const point = event.button === 0 ? pointOf(event.target) : null;
    if (!point) return;
    dragging.current = true;
    if (event.shiftKey) extendTo(point);
    else onSelectionChange(selectCell(model.sheet, point));
  };

  const onMouseOver = (event: MouseEvent<HTMLTableElement>) => {
    if (!dragging.current) return;
    if ((event.buttons & 1) === 0) {
      dragging.current = false;
      return;
    }
    const point = pointOf(event.target);
    if (point) extendTo(point);
  };

  // Dragging a column letter's right edge: the width follows the mouse until the button is released.
  const startResize = (col: number) => (event: MouseEvent<HTMLSpanElement>) => {
    if (event.button !== 0 || !onResizeColumn) return;
    event.preventDefault();
    event.stopPropagation();
    const startX = event.clientX;
    const startWidth = model.widths[col] ?? MIN_COLUMN_WIDTH;
    const move = (e: globalThis.MouseEvent) =>
      onResizeColumn(col, Math.max(MIN_COLUMN_WIDTH, Math.round(startWidth + e.clientX - startX)));
    const stop = () => {
      window.removeEventListener("mousemove", move);
      window.removeEventListener("mouseup", stop);
    };
    window.addEventListener("mousemove", move);
    window.addEventListener("mouseup", stop);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTableElement>) => {
    const from = mine ?? selectCell(model.sheet, { row: 0, col: 0 });
    const bounds = { rows: model.rowCount, cols: model.widths.length };
    const next = moveSelection(
      from,
      event.key,
      { shift: event.shiftKey, ctrl: event.ctrlKey || event.metaKey },
      bounds,
    );
    if (!next) return;
    event.preventDefault();
    onSelectionChange(next);
  };

  // Focus arriving by Tab finds a cell selected, as Excel always has one.
  const onFocus = () =>
    onSelectionChange((current) =>
      current?.sheet === model.sheet ? current : selectCell(model.sheet, { row: 0, col: 0 }),
    );

  return (
    <div id={panelId} role="tabpanel" aria-labelledby={labelledBy} className={styles.scroller} ref={scroller}>
      <table
        role="grid"
        aria-multiselectable="true"
        aria-activedescendant={mine ? cellId(mine.active.row, mine.active.col) : undefined}
        tabIndex={0}
        className={styles.table}
        style={{ width: ROW_HEADER_WIDTH + model.widths.reduce((sum, width) => sum + width, 0) }}
        data-testid="sheet-grid"
        onMouseDown={onMouseDown}
        onMouseOver={onMouseOver}
        onKeyDown={onKeyDown}
        onFocus={onFocus}
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
              <th
                key={c}
                scope="col"
                className={mergeClasses(
                  styles.columnHeader,
                  range !== null && c >= range.left && c <= range.right && styles.headerSelected,
                )}
              >
                {columnLetters(c)}
                {onResizeColumn && (
                  <span
                    className={styles.resizeHandle}
                    aria-hidden="true"
                    data-testid={`resize-column-${columnLetters(c)}`}
                    title={`Drag to widen or narrow column ${columnLetters(c)}`}
                    onMouseDown={startResize(c)}
                  />
                )}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {model.rows.slice(0, rowsDrawn).map((cells, i) => {
            const r = model.firstRow + i;
            const frozen = r === 0 && model.frozenRows > 0;
            return (
              <tr key={r} style={model.heights[i] ? { height: model.heights[i]! } : undefined}>
                <th
                  scope="row"
                  className={mergeClasses(
                    styles.rowHeader,
                    frozen && styles.frozen,
                    frozen && styles.frozenRowHeader,
                    range !== null && r >= range.top && r <= range.bottom && styles.headerSelected,
                  )}
                >
                  {r + 1}
                </th>
                {cells.map((cell, c) => (
                  <GridCellView
                    key={c}
                    id={cellId(r, c)}
                    row={r}
                    col={c}
                    cell={cell}
                    frozen={frozen}
                    selected={range !== null && isSelected(range, r, c)}
                    active={activeRow === r && activeCol === c}
                    styles={styles}
                  />
                ))}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

const GridCellView = memo(function GridCellView({
  id,
  row,
  col,
  cell,
  frozen,
  selected,
  active,
  styles,
}: {
  id: string;
  row: number;
  col: number;
  cell: GridCell;
  frozen: boolean;
  selected: boolean;
  active: boolean;
  styles: Styles;
}) {
  const className = mergeClasses(
    styles.cell,
    frozen && styles.frozen,
    cell.wrap && !cell.formula && styles.wrap,
    cell.role === "tableHeader" && styles.tableHeader,
    cell.role === "tableBand" && styles.tableBand,
    cell.formula && styles.formula,
    selected && styles.selected,
    active && styles.active,
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
      id={id}
      data-row={row}
      data-col={col}
      aria-selected={selected}
      className={className}
      style={style}
      title={cell.formula ? "A formula: Excel calculates it when the file is opened" : undefined}
    >
      {cell.text}
    </td>
  );
});

/** The cell a mouse event happened on, from the data attributes each cell carries. */
function pointOf(target: EventTarget): GridPoint | null {
  const cell = target instanceof Element ? target.closest<HTMLElement>("td[data-col]") : null;
  if (!cell) return null;
  return { row: Number(cell.dataset.row), col: Number(cell.dataset.col) };
}

/** Scrolls `box` (only it, never the page) so that `cell` shows below and beside its sticky headers. */
function reveal(box: HTMLElement, cell: HTMLElement, stickyTop: number, stickyLeft: number): void {
  const outer = box.getBoundingClientRect();
  const inner = cell.getBoundingClientRect();
  const top = outer.top + box.clientTop + stickyTop;
  const bottom = outer.top + box.clientTop + box.clientHeight;
  const left = outer.left + box.clientLeft + stickyLeft;
  const right = outer.left + box.clientLeft + box.clientWidth;
  if (inner.top < top) box.scrollTop -= top - inner.top;
  else if (inner.bottom > bottom) box.scrollTop += Math.min(inner.bottom - bottom, inner.top - top);
  if (inner.left < left) box.scrollLeft -= left - inner.left;
  else if (inner.right > right) box.scrollLeft += Math.min(inner.right - right, inner.left - left);
}
