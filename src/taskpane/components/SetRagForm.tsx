import { Body1Strong, Button, Field, Select, Spinner, Text, makeStyles } from "@fluentui/react-components";
import { useId, useState } from "react";
import type { RagStatus } from "../../domain/rag";
import { usePaneStyles } from "./paneStyles";

const useStyles = makeStyles({
  select: { width: "100%", minWidth: 0 },
});

export interface SetRagFormProps {
  vocabulary: readonly RagStatus[];
  /** What the button will set: the preview's selection, or a note that Excel's selection is used. */
  selectionNote: string;
  busy: boolean;
  working: boolean;
  onSet: (status: string) => void;
}

/** A status from the workbook's own RAG scale, set on every selected cell of a plan's RAG column. */
export function SetRagForm({ vocabulary, selectionNote, busy, working, onSet }: SetRagFormProps) {
  const styles = useStyles();
  const pane = usePaneStyles();
  const note = useId();
  const [chosen, setChosen] = useState<string>(vocabulary[0]?.label ?? "");
  // The scale can change under the form (another workbook, another scale): keep a status it has.
  const status = vocabulary.some((s) => s.label === chosen) ? chosen : (vocabulary[0]?.label ?? "");
  return (
    <>
      <Body1Strong as="h3" className={pane.subheading}>
        Set RAG for the selection
      </Body1Strong>
      <Field label="RAG status">
        <Select className={styles.select} value={status} onChange={(_, data) => setChosen(data.value)}>
          {vocabulary.map((s) => (
            <option key={s.label} value={s.label}>
              {s.label} – {s.meaning}
            </option>
          ))}
        </Select>
      </Field>
      <Text size={200} id={note} className={pane.detail} data-testid="selection-note">
        {selectionNote}
      </Text>
      <div className={pane.actions}>
        <Button onClick={() => onSet(status)} disabledFocusable={busy || !status} aria-describedby={note}>
          Set RAG
        </Button>
        {working && <Spinner size="tiny" label="Working…" labelPosition="after" />}
      </div>
    </>
  );
}
