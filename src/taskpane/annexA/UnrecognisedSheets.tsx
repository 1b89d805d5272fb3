import {
  Button,
  Field,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Select,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useState } from "react";
import type { ListReport, UnrecognisedSheet } from "../../domain/annexA/checkList";
import { ANNEX_A_LISTS } from "../../domain/annexA/listSpecs";

const useStyles = makeStyles({
  sheets: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  row: { display: "flex", flexWrap: "wrap", alignItems: "flex-end", gap: tokens.spacingHorizontalS },
  reason: { overflowWrap: "anywhere" },
});

/**
 * The sheets that have some of a list's columns but were not checked as a list: each with the list it
 * most resembles and why, and a choice of which list it is, so the user can say and check it as that list.
 */
export function UnrecognisedSheets({
  sheets,
  busy,
  onChoose,
}: {
  sheets: readonly UnrecognisedSheet[];
  busy: boolean;
  onChoose: (sheet: string, list: number) => void;
}) {
  const styles = useStyles();
  if (sheets.length === 0) return null;
  return (
    <div className={styles.sheets} data-testid="annexa-unrecognised">
      {sheets.map((sheet) => (
        <SheetChoice key={sheet.sheet} sheet={sheet} busy={busy} onChoose={onChoose} />
      ))}
    </div>
  );
}

function SheetChoice({
  sheet,
  busy,
  onChoose,
}: {
  sheet: UnrecognisedSheet;
  busy: boolean;
  onChoose: (sheet: string, list: number) => void;
}) {
  const styles = useStyles();
  const [list, setList] = useState(String(sheet.resembles?.list ?? 1));
  const why = sheet.resembles
    ? `It has ${sheet.resembles.matched} of ${sheet.resembles.of} List ${sheet.resembles.list} (${sheet.resembles.title}) columns: ${sheet.resembles.columns.join(", ")}.`
    : "It has none of a list's columns.";
  return (
    <MessageBar intent="warning" layout="multiline" data-testid="annexa-unrecognised-sheet" data-sheet={sheet.sheet}>
      <MessageBarBody className={styles.reason}>
        <MessageBarTitle>“{sheet.sheet}” was not checked as a list</MessageBarTitle>
        {why} If it is one of the lists, say which, and it is checked as that list.
        <div className={styles.row}>
          <Field label={`Which list “${sheet.sheet}” holds`}>
            <Select value={list} onChange={(_, data) => setList(data.value)}>
              {ANNEX_A_LISTS.map((spec) => (
                <option key={spec.list} value={String(spec.list)}>
                  List {spec.list}: {spec.title}
                </option>
              ))}
            </Select>
          </Field>
          <Button onClick={() => onChoose(sheet.sheet, Number(list))} disabledFocusable={busy}>
            Check it as this list
          </Button>
        </div>
      </MessageBarBody>
    </MessageBar>
  );
}

/** The headers taken for a list's columns under another spelling, each with why; none when all are the template's. */
export function HeaderMatches({ list }: { list: ListReport }) {
  const styles = useStyles();
  const other = list.headers.filter((h) => h.how !== "name" || h.header.trim() !== h.column.trim());
  if (other.length === 0) return null;
  return (
    <details data-testid="annexa-header-matches">
      <summary>
        {other.length} {other.length === 1 ? "header" : "headers"} read under another spelling
      </summary>
      <ul className={styles.reason}>
        {other.map((h) => (
          <li key={h.cell}>
            {h.cell}: {h.explanation}
          </li>
        ))}
      </ul>
    </details>
  );
}
