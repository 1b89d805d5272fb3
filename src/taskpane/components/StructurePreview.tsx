import {
  Body1Strong,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import type { StructureReport } from "../../commands/structureSheet";
import type { PlanField } from "../../domain/plan";
import { count, quoted, valueText } from "../wording";
import { MappingTable } from "./MappingTable";
import { usePaneStyles } from "./paneStyles";

/** Long lists are cut here: the sheet itself shows the rest. */
const MAX_LISTED = 40;

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalS,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
    minWidth: 0,
  },
  facts: {
    display: "grid",
    gridTemplateColumns: "max-content minmax(0, 1fr)",
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXXS,
    margin: 0,
  },
  term: { color: tokens.colorNeutralForeground2 },
  definition: { margin: 0, overflowWrap: "anywhere" },
  table: { tableLayout: "fixed", width: "100%" },
  wrap: { overflowWrap: "anywhere", whiteSpace: "normal" },
  cellColumn: { width: "3.5em" },
  none: { color: tokens.colorNeutralForeground3, fontStyle: "italic" },
});

export interface StructurePreviewProps {
  report: StructureReport;
  onMappingChange: (field: PlanField, col: number | null) => void;
}

/**
 * What structuring a sheet would do, before it is done: where the table is, which column holds which
 * field (correctable), which columns stay as they are, the cells it must write and the values that are
 * not in the plan's form.
 */
export function StructurePreview({ report, onMappingChange }: StructurePreviewProps) {
  const styles = useStyles();
  const pane = usePaneStyles();
  const mapped = new Set(Object.values(report.columns));
  const unmapped = report.headers.filter((h) => !mapped.has(h.column));
  return (
    <div className={styles.root} data-testid="structure-preview">
      <Body1Strong as="h3" className={pane.subheading}>
        What was found on {quoted(report.sheet)}
      </Body1Strong>
      <dl className={styles.facts}>
        <dt className={styles.term}>Header row</dt>
        <dd className={styles.definition} data-testid="header-row">
          Row {report.headerRow}
        </dd>
        <dt className={styles.term}>Data rows</dt>
        <dd className={styles.definition}>{report.dataRows}</dd>
        <dt className={styles.term}>Table</dt>
        <dd className={styles.definition}>
          {report.range}, named {report.table}
        </dd>
        <dt className={styles.term}>Section headings</dt>
        <dd className={styles.definition}>
          {report.sections.length === 0 ? (
            <span className={styles.none}>none</span>
          ) : (
            <>
              {report.sections.map((s) => quoted(s)).join(", ")}
              {report.addedColumn !== null && ". They fill a new Area column."}
            </>
          )}
        </dd>
        {report.scale && (
          <>
            <dt className={styles.term}>RAG scale</dt>
            <dd className={styles.definition} data-testid="rag-scale">
              {report.scale.statuses.map((s) => (s.meaning ? `${s.label} (${s.meaning})` : s.label)).join(", ")}
              {report.scale.keyCells.length > 0 ? `, from the key at ${report.scale.keyCells[0]}` : ""}
              {report.scale.kept ? ". Kept as the workbook’s scale." : `. Not kept: ${report.scale.note}.`}
            </dd>
          </>
        )}
      </dl>

      <Body1Strong as="h3" className={pane.subheading}>
        Columns
      </Body1Strong>
      <Text size={200} className={pane.detail}>
        Correct any column that was matched wrongly; the preview is worked out again.
      </Text>
      <MappingTable report={report} onChange={onMappingChange} />
      <Text size={200}>
        {unmapped.length === 0
          ? "Every column holds a field of the plan."
          : `Kept as they are: ${unmapped.map((h) => `${h.column} – ${h.header}`).join(", ")}.`}
      </Text>

      <Body1Strong as="h3" className={pane.subheading}>
        Cells that will change
      </Body1Strong>
      {report.changes.length === 0 ? (
        <Text size={200}>None: every value stays as it is.</Text>
      ) : (
        <ul className={pane.list} data-testid="structure-changes">
          {report.changes.slice(0, MAX_LISTED).map((change) => (
            <li key={change.cell} className={styles.wrap}>
              <Text size={200}>
                {change.cell}: {valueText(change.from)} → {valueText(change.to)} ({change.why})
              </Text>
            </li>
          ))}
          {report.changes.length > MAX_LISTED && (
            <li>
              <Text size={200}>and {count(report.changes.length - MAX_LISTED, "more cell")}</Text>
            </li>
          )}
        </ul>
      )}

      <Body1Strong as="h3" className={pane.subheading}>
        Values not in the plan’s form
      </Body1Strong>
      {report.normalisable.length === 0 ? (
        <Text size={200}>None: RAG ratings, statuses and dates are already in the plan’s form.</Text>
      ) : (
        <Text size={200} className={pane.detail}>
          RAG ratings the lists do not hold, and dates typed as text. They are kept as they are unless you tick the box
          below; those without a suggestion are left for you to check.
        </Text>
      )}
      {report.normalisable.length > 0 && (
        <Table size="extra-small" className={styles.table} data-testid="normalisable">
          <TableHeader>
            <TableRow>
              <TableHeaderCell className={styles.cellColumn}>Cell</TableHeaderCell>
              <TableHeaderCell>Value</TableHeaderCell>
              <TableHeaderCell>Suggestion</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {report.normalisable.slice(0, MAX_LISTED).map((item) => (
              <TableRow key={item.cell}>
                <TableCell>{item.cell}</TableCell>
                <TableCell className={styles.wrap}>{valueText(item.value)}</TableCell>
                <TableCell className={styles.wrap}>
                  {item.suggestion ?? <span className={styles.none}>none: check it by hand</span>}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {report.normalisable.length > MAX_LISTED && (
        <Text size={200}>and {count(report.normalisable.length - MAX_LISTED, "more value")}</Text>
      )}
    </div>
  );
}
