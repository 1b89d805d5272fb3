import {
  Select,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import type { StructureReport } from "../../commands/structureSheet";
import type { PlanField } from "../../domain/plan";
import { fieldLabel, structureFields } from "../../sheets/planKinds";

const NOT_MAPPED = "none";

const useStyles = makeStyles({
  table: { tableLayout: "fixed", width: "100%" },
  fieldColumn: { width: "38%" },
  field: { overflowWrap: "anywhere" },
  select: { width: "100%", minWidth: 0 },
  cell: { paddingTop: tokens.spacingVerticalXXS, paddingBottom: tokens.spacingVerticalXXS },
});

export interface MappingTableProps {
  report: StructureReport;
  onChange: (field: PlanField, col: number | null) => void;
}

/**
 * One row per field the plan can hold, each with the column it was found in, which the user can
 * correct: a column of the sheet's table ("C – Lead Officer") or "(not mapped)". The lists stay enabled
 * while the preview is worked out again, so keyboard focus is never lost from the one just changed.
 */
export function MappingTable({ report, onChange }: MappingTableProps) {
  const styles = useStyles();
  const colOf = (field: PlanField) => report.headers.find((h) => h.column === report.columns[field])?.col;
  return (
    <Table size="extra-small" className={styles.table} aria-label="Which column holds each field">
      <TableHeader>
        <TableRow>
          <TableHeaderCell className={styles.fieldColumn}>Field</TableHeaderCell>
          <TableHeaderCell>Column on the sheet</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {structureFields(report.kind).map((field) => {
          const label = fieldLabel(report.kind, field);
          const col = colOf(field);
          const options = report.headers.filter((h) => h.col !== report.addedColumn || field === "area");
          return (
            <TableRow key={field}>
              <TableCell className={styles.cell}>
                <span className={styles.field}>{label}</span>
              </TableCell>
              <TableCell className={styles.cell}>
                <Select
                  size="small"
                  className={styles.select}
                  aria-label={`Column for ${label}`}
                  value={col === undefined ? NOT_MAPPED : String(col)}
                  onChange={(_, data) => onChange(field, data.value === NOT_MAPPED ? null : Number(data.value))}
                >
                  <option value={NOT_MAPPED}>(not mapped)</option>
                  {options.map((h) => (
                    <option key={h.col} value={String(h.col)}>
                      {h.column} – {h.header}
                      {h.col === report.addedColumn ? " (new column)" : ""}
                    </option>
                  ))}
                </Select>
              </TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}
