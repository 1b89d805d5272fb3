import {
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Spinner,
  createPresenceComponent,
  makeStyles,
  mergeClasses,
  motionTokens,
  tokens,
  typographyStyles,
  useAccordionItemContext_unstable,
  type AtomMotion,
} from "@fluentui/react-components";
import {
  Suspense,
  createContext,
  useContext,
  useEffect,
  useId,
  useState,
  type ComponentProps,
  type ElementType,
  type ReactNode,
} from "react";
import { afterNextPaint } from "../afterPaint";
import { usePaneStyles } from "./paneStyles";

const useStyles = makeStyles({
  item: { borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}` },
  header: { margin: 0 },
  // The header's button carries the section's title in the weight the sections' headings had.
  button: { ...typographyStyles.subtitle2, paddingLeft: 0, paddingRight: 0, minHeight: "40px" },
  panel: { margin: 0, paddingBottom: tokens.spacingVerticalL },
  section: { paddingTop: 0, borderTop: "none" },
});

/**
 * Whether the pane has been painted once. Until then a closed section renders nothing inside: the pane's
 * first render is its headings and the open section, so it shows sooner; the closed sections' contents
 * mount (hidden, their scripts loading) straight after the first paint. True where nothing provides it.
 */
export const PanePainted = createContext(true);

/** False until the page has painted once after the first render, then true (see PanePainted). */
export function useAfterFirstPaint(): boolean {
  const [painted, setPainted] = useState(false);
  useEffect(() => afterNextPaint(() => setPainted(true)), []);
  return painted;
}

export interface PaneSectionProps {
  /** The accordion item's value, which the pane keeps in its list of open sections. */
  value: string;
  title: string;
  testId?: string;
  children: ReactNode;
}

/**
 * One section of the pane as an accordion item: its title is a heading holding the button that opens and
 * closes it. A closed section is mounted, hidden, from just after the pane's first paint (PanePainted) and
 * stays mounted, so what it shows (a check, a projection, dates typed in) is still there when it is opened
 * again, and its re-checks after commands keep running.
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

/**
 * A panel opening as Fluent's collapse opens one: height from nothing to the panel's own, its padding and
 * margin from nothing, and fading in, over durationNormal with Fluent's easing. Unlike Fluent's Collapse,
 * which measures its element whenever it runs (opening or closing, and as it mounts), this measures the
 * panel only when it opens: at the pane's start Collapse measured every closed panel, a forced layout
 * each, about 50 ms of the first render (issue 14). A closing panel is `hidden` at once (see Panel), so
 * there is nothing to animate on the way out.
 */
const PanelOpening = createPresenceComponent(({ element }: { element: HTMLElement }) => ({
  // As the pane starts, Fluent runs this for the panel open from the start too, only to finish at once:
  // measuring that one then forced a layout of the whole pane in the middle of the first render. Panel
  // marks its element once the pane has painted.
  enter: element.hidden || element.dataset.painted === undefined ? [] : openingAtoms(element.scrollHeight),
  exit: [],
}));

function openingAtoms(height: number): AtomMotion[] {
  const timing = {
    duration: motionTokens.durationNormal,
    easing: motionTokens.curveEasyEaseMax,
    fill: "both",
  } as const;
  return [
    {
      keyframes: [
        { maxHeight: "0", overflowY: "hidden" },
        { maxHeight: `${height}px`, overflowY: "hidden", offset: 0.9999 },
        { maxHeight: "unset", overflowY: "unset" },
      ],
      ...timing,
    },
    {
      keyframes: [
        { paddingBlockStart: "0", paddingBlockEnd: "0", marginBlockStart: "0", marginBlockEnd: "0", offset: 0 },
      ],
      ...timing,
    },
    { keyframes: [{ opacity: 0 }, { opacity: 1 }], ...timing },
  ];
}

/** The panel's motion in place of Fluent's collapse, told to keep a closed panel in the page, not unmount it. */
const keepMounted = {
  children: (_collapse: ElementType, props: ComponentProps<typeof PanelOpening>) => (
    <PanelOpening {...props} unmountOnExit={false} />
  ),
};

function Panel({ headingId, testId, children }: { headingId: string; testId?: string; children: ReactNode }) {
  const styles = useStyles();
  const pane = usePaneStyles();
  const { open } = useAccordionItemContext_unstable();
  const painted = useContext(PanePainted);
  return (
    // `hidden` takes a closed panel out of the page and the accessibility tree; Fluent would unmount it.
    <AccordionPanel
      className={styles.panel}
      collapseMotion={keepMounted}
      hidden={!open}
      data-painted={painted ? "" : undefined}
    >
      <section className={mergeClasses(pane.section, styles.section)} aria-labelledby={headingId} data-testid={testId}>
        {(open || painted) && <Suspense fallback={<Spinner size="tiny" label="Loading…" />}>{children}</Suspense>}
      </section>
    </AccordionPanel>
  );
}
