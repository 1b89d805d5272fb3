import { Text, makeStyles, tokens, typographyStyles } from "@fluentui/react-components";
import { useId, type CSSProperties } from "react";
import type { JudgementProjection } from "../../domain/projection/project";
import type { RagStatus } from "../../domain/rag";
import { countKeys, countsInWords, type CountKey } from "../projection/projectionWords";

const HATCH = "repeating-linear-gradient(135deg, #FFFFFF 0 4px, #D1D1D1 4px 6px)";

const useStyles = makeStyles({
  figure: { margin: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, minWidth: 0 },
  heading: { ...typographyStyles.body1Strong, margin: 0 },
  legend: {
    margin: 0,
    padding: 0,
    listStyleType: "none",
    display: "flex",
    flexWrap: "wrap",
    gap: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalM}`,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
  },
  key: { display: "inline-flex", alignItems: "center", gap: tokens.spacingHorizontalXS },
  swatch: {
    display: "inline-block",
    width: "12px",
    height: "12px",
    flexShrink: 0,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusSmall,
  },
  rows: {
    margin: 0,
    padding: 0,
    listStyleType: "none",
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
  },
  row: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS, minWidth: 0 },
  name: { overflowWrap: "anywhere" },
  bar: {
    display: "flex",
    height: "22px",
    borderRadius: tokens.borderRadiusSmall,
    overflow: "hidden",
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
  },
  segment: {
    flexBasis: 0,
    minWidth: 0,
    overflow: "hidden",
    display: "flex",
    alignItems: "center",
    justifyContent: "center",
    fontSize: tokens.fontSizeBase200,
    fontWeight: tokens.fontWeightSemibold,
    whiteSpace: "nowrap",
    ":not(:last-child)": { borderRight: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralBackground1}` },
  },
  details: { fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200 },
  summary: {
    cursor: "pointer",
    color: tokens.colorBrandForegroundLink,
    borderRadius: tokens.borderRadiusSmall,
    ":focus-visible": { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`, outlineOffset: "1px" },
  },
  scroller: {
    marginTop: tokens.spacingVerticalXS,
    overflowX: "auto",
    maxWidth: "100%",
    ":focus-visible": { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` },
  },
  table: {
    borderCollapse: "collapse",
    "& th, & td": {
      padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalS}`,
      borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
      textAlign: "right",
      verticalAlign: "top",
    },
    "& th[scope=row], & thead th:first-child": {
      textAlign: "left",
      fontWeight: tokens.fontWeightRegular,
      minWidth: "12em",
    },
    "& thead th": { fontWeight: tokens.fontWeightSemibold },
  },
  caption: { textAlign: "left", fontWeight: tokens.fontWeightSemibold, paddingBottom: tokens.spacingVerticalXXS },
});

const swatchStyle = (key: CountKey): CSSProperties =>
  key.hatched ? { backgroundImage: HATCH } : { backgroundColor: key.fill };

/**
 * The criteria of each judgement by position, as bars in the workbook's own RAG colours. Each bar is an
 * image whose label gives its counts in words, and the same counts are there as a table.
 */
export function RagChart({
  judgements,
  vocabulary,
}: {
  judgements: readonly JudgementProjection[];
  vocabulary: readonly RagStatus[];
}) {
  const styles = useStyles();
  const headingId = useId();
  const keys = countKeys(judgements, vocabulary);
  return (
    <figure className={styles.figure} aria-labelledby={headingId} data-testid="rag-chart">
      <h3 id={headingId} className={styles.heading}>
        Criteria by position, per judgement
      </h3>
      <ul className={styles.legend} aria-label="Key">
        {keys.map((key) => (
          <li key={key.label} className={styles.key}>
            <span className={styles.swatch} style={swatchStyle(key)} aria-hidden="true" />
            {key.label}
            {key.meaning && key.meaning !== key.label ? ` (${key.meaning.toLowerCase()})` : ""}
          </li>
        ))}
      </ul>
      <ul className={styles.rows}>
        {judgements.map((judgement) => {
          const total = keys.reduce((n, k) => n + (judgement.counts[k.label] ?? 0), 0);
          return (
            <li key={judgement.id} className={styles.row}>
              <Text size={200} className={styles.name} aria-hidden="true">
                {judgement.name}
              </Text>
              <div
                role="img"
                aria-label={`${judgement.name}: ${countsInWords(judgement, keys)}`}
                className={styles.bar}
                data-testid="rag-bar"
                data-judgement={judgement.id}
              >
                {total > 0 &&
                  keys
                    .filter((key) => (judgement.counts[key.label] ?? 0) > 0)
                    .map((key) => (
                      <span
                        key={key.label}
                        className={styles.segment}
                        style={{ ...swatchStyle(key), flexGrow: judgement.counts[key.label], color: key.text }}
                        title={`${key.label}: ${judgement.counts[key.label]}`}
                      >
                        {judgement.counts[key.label]}
                      </span>
                    ))}
              </div>
            </li>
          );
        })}
      </ul>
      <details className={styles.details}>
        <summary className={styles.summary}>Show the counts as a table</summary>
        <div className={styles.scroller} tabIndex={0} role="region" aria-label="Counts by judgement, as a table">
          <table className={styles.table} data-testid="rag-table">
            <caption className={styles.caption}>Criteria by position, per judgement</caption>
            <thead>
              <tr>
                <th scope="col">Judgement</th>
                {keys.map((key) => (
                  <th key={key.label} scope="col">
                    {key.label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {judgements.map((judgement) => (
                <tr key={judgement.id}>
                  <th scope="row">{judgement.name}</th>
                  {keys.map((key) => (
                    <td key={key.label}>{judgement.counts[key.label] ?? 0}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}
