import { makeStyles, tokens } from "@fluentui/react-components";
import type { Framework } from "../../domain/framework";
import { unconfirmedFacts } from "../frameworks/unconfirmedFacts";
import { count } from "../wording";

const useStyles = makeStyles({
  details: {
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    color: tokens.colorNeutralForeground1,
    borderLeft: `${tokens.strokeWidthThicker} solid ${tokens.colorPaletteMarigoldBorderActive}`,
    paddingLeft: tokens.spacingHorizontalS,
  },
  summary: {
    cursor: "pointer",
    fontWeight: tokens.fontWeightSemibold,
    borderRadius: tokens.borderRadiusSmall,
    ":focus-visible": {
      outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`,
      outlineOffset: "1px",
    },
  },
  list: {
    margin: `${tokens.spacingVerticalXS} 0 0`,
    paddingLeft: tokens.spacingHorizontalL,
    maxWidth: "100%",
    overflowWrap: "anywhere",
  },
  kind: { fontWeight: tokens.fontWeightSemibold },
});

/** The framework's facts that nobody has yet checked against the published document, to check first. */
export function UnconfirmedFacts({ framework }: { framework: Framework }) {
  const styles = useStyles();
  const facts = unconfirmedFacts(framework);
  if (facts.length === 0) return null;
  return (
    <details className={styles.details} data-testid="unconfirmed-facts">
      <summary className={styles.summary}>
        {count(facts.length, "fact")} not yet confirmed against the published framework
      </summary>
      <ul className={styles.list}>
        {facts.map((fact, i) => (
          <li key={i}>
            <span className={styles.kind}>{fact.kind}:</span> {fact.text}
          </li>
        ))}
      </ul>
    </details>
  );
}
