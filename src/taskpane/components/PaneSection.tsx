import {
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Spinner,
  makeStyles,
  mergeClasses,
  tokens,
  typographyStyles,
  useAccordionItemContext_unstable,
} from "@fluentui/react-components";
import { Suspense, useId, type ElementType, type ReactNode } from "react";
import { usePaneStyles } from "./paneStyles";

const useStyles = makeStyles({
  item: { borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}` },
  header: { margin: 0 },
  // The header's button carries the section's title in the weight the sections' headings had.
  button: { ...typographyStyles.subtitle2, paddingLeft: 0, paddingRight: 0, minHeight: "40px" },
  panel: { margin: 0, paddingBottom: tokens.spacingVerticalL },
  section: { paddingTop: 0, borderTop: "none" },
});

export interface PaneSectionProps {
  /** The accordion item's value, which the pane keeps in its list of open sections. */
  value: string;
  title: string;
  testId?: string;
  children: ReactNode;
}

/**
 * One section of the pane as an accordion item: its title is a heading holding the button that opens and
 * closes it. A closed section stays mounted but hidden, so what it shows (a check, a projection, dates
 * typed in) is still there when it is opened again, and its re-checks after commands keep running.
 * A section whose content comes in its own script (React.lazy) shows "Loading…" under its heading until
 * the script has loaded: the Suspense boundary is here, inside the section, for every section alike.
 */
export function PaneSection({ value, title, testId, children }: PaneSectionProps) {
  const styles = useStyles();
  const headingId = useId();
  return (
    <AccordionItem value={value} className={styles.item}>
      <AccordionHeader
        as="h2"
        id={headingId}
        className={styles.header}
        button={{ className: styles.button }}
        expandIconPosition="end"
        size="large"
      >
        {title}
      </AccordionHeader>
      <Panel headingId={headingId} testId={testId}>
        {children}
      </Panel>
    </AccordionItem>
  );
}

/** Fluent's collapse, told to keep a closed panel in the page rather than unmount it. */
const keepMounted = {
  children: (Motion: ElementType, props: Record<string, unknown>) => <Motion {...props} unmountOnExit={false} />,
};

function Panel({ headingId, testId, children }: { headingId: string; testId?: string; children: ReactNode }) {
  const styles = useStyles();
  const pane = usePaneStyles();
  const { open } = useAccordionItemContext_unstable();
  return (
    // `hidden` takes a closed panel out of the page and the accessibility tree; Fluent would unmount it.
    <AccordionPanel className={styles.panel} collapseMotion={keepMounted} hidden={!open}>
      <section className={mergeClasses(pane.section, styles.section)} aria-labelledby={headingId} data-testid={testId}>
        <Suspense fallback={<Spinner size="tiny" label="Loading…" />}>{children}</Suspense>
      </section>
    </AccordionPanel>
  );
}
