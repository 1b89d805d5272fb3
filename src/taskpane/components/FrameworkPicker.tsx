import { Field, Select, makeStyles, tokens } from "@fluentui/react-components";
import type { Confidence, Framework } from "../../domain/framework";
import { inForceWords, isInForce, isoDay, pastFrameworkNote } from "../../domain/frameworks";

const useStyles = makeStyles({
  field: { minWidth: 0 },
  select: { width: "100%", minWidth: 0 },
  note: {
    display: "block",
    marginTop: tokens.spacingVerticalXS,
    color: tokens.colorNeutralForeground2,
  },
  caution: {
    display: "block",
    marginTop: tokens.spacingVerticalXS,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    borderLeft: `${tokens.strokeWidthThicker} solid ${tokens.colorPaletteMarigoldBorderActive}`,
    backgroundColor: tokens.colorPaletteYellowBackground1,
    color: tokens.colorNeutralForeground1,
  },
});

/** Why a framework that is not fully confirmed should be checked, in words a performance officer uses. */
export function confidenceNote(confidence: Confidence): string | null {
  switch (confidence) {
    case "confirmed":
      return null;
    case "partly-confirmed":
      return "Partly confirmed: judgement names and grades are the inspectorate's own words, but some criteria are our summary of the published framework. Check them against the framework before relying on them.";
    case "unconfirmed":
      return "Unconfirmed: this framework has not yet been checked against the published document. Treat it as a draft.";
  }
}

const confidenceLabel: Record<Confidence, string> = {
  confirmed: "",
  "partly-confirmed": " (partly confirmed)",
  unconfirmed: " (unconfirmed)",
};

export interface FrameworkPickerProps {
  frameworks: Framework[];
  /** Frameworks the user loaded from their own files in this session, listed after the built-in ones. */
  loaded?: Framework[];
  value: string;
  onChange: (id: string) => void;
  disabled?: boolean;
}

export function FrameworkPicker({ frameworks, loaded = [], value, onChange, disabled }: FrameworkPickerProps) {
  const styles = useStyles();
  const selected = [...frameworks, ...loaded].find((f) => f.id === value);
  const caution = selected ? confidenceNote(selected.confidence) : null;
  const today = isoDay(new Date());
  const past = selected && !isInForce(selected, today) ? pastFrameworkNote(selected) : null;
  const option = (framework: Framework) => (
    <option key={framework.id} value={framework.id}>
      {framework.name}
      {confidenceLabel[framework.confidence]}
      {isInForce(framework, today) ? "" : " (past)"}
    </option>
  );
  // In force first: what a council prepares against today; the past ones stay, for plans made under them.
  const current = frameworks.filter((f) => isInForce(f, today));
  const earlier = frameworks.filter((f) => !isInForce(f, today));
  return (
    <Field
      className={styles.field}
      label="Inspection framework"
      hint={
        selected ? (
          <>
            <span className={styles.note}>
              {selected.inspectorate}, {selected.country}. In force{" "}
              {inForceWords(selected.inForceFrom, selected.inForceTo)}.
              {loaded.includes(selected) ? " Loaded from your own file for this session." : ""}
            </span>
            {past && (
              <span className={styles.caution} data-testid="past-framework">
                {past}
              </span>
            )}
            {caution && <span className={styles.caution}>{caution}</span>}
          </>
        ) : undefined
      }
    >
      <Select className={styles.select} value={value} onChange={(_, data) => onChange(data.value)} disabled={disabled}>
        <optgroup label="In force">{current.map(option)}</optgroup>
        <optgroup label="Past frameworks">{earlier.map(option)}</optgroup>
        {loaded.length > 0 && <optgroup label="Loaded this session">{loaded.map(option)}</optgroup>}
      </Select>
    </Field>
  );
}
