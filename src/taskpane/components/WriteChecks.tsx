import { Body1Strong, Button, Spinner, Text } from "@fluentui/react-components";
import { useId } from "react";
import { usePaneStyles } from "./paneStyles";

export interface WriteChecksProps {
  busy: boolean;
  working: boolean;
  onWrite: () => void;
}

/** Puts the same checks into the workbook as formulas, for when it is opened without the add-in. */
export function WriteChecks({ busy, working, onWrite }: WriteChecksProps) {
  const pane = usePaneStyles();
  const detail = useId();
  return (
    <>
      <Body1Strong as="h3" className={pane.subheading}>
        Checks in the workbook
      </Body1Strong>
      <Text size={200} id={detail} className={pane.detail}>
        Adds a Checks column of formulas and colours to each plan, so the workbook checks itself without the add-in: in
        print, on a phone or in LibreOffice.
      </Text>
      <div className={pane.actions}>
        <Button onClick={onWrite} disabledFocusable={busy} aria-describedby={detail}>
          Write the checks into the workbook
        </Button>
        {working && <Spinner size="tiny" label="Working…" labelPosition="after" />}
      </div>
    </>
  );
}
