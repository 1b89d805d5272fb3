import { Button, Link, Text, makeStyles, tokens } from "@fluentui/react-components";
import { forwardRef } from "react";
import type { RagSuggestion } from "../../commands/validateWorkbook";
import { sentenceCase } from "../checks/findingGroups";
import { cellName } from "../wording";
import { valueText } from "../wording";
import { useFindingStyles } from "./FindingGroups";
import { usePaneStyles } from "./paneStyles";

const useStyles = makeStyles({
  change: { display: "flex", flexWrap: "wrap", alignItems: "baseline", columnGap: tokens.spacingHorizontalS },
});

export interface RagSuggestionsProps {
  suggestions: readonly RagSuggestion[];
  busy: boolean;
  onGoTo: (sheet: string, cell: string) => void;
  onApply: (suggestion: RagSuggestion) => void;
}

/** The RAG ratings the due dates suggest, each with its reason; one is written only when the user applies it. */
export const RagSuggestions = forwardRef<HTMLHeadingElement, RagSuggestionsProps>(function RagSuggestions(
  { suggestions, busy, onGoTo, onApply },
  heading,
) {
  const styles = useStyles();
  const rows = useFindingStyles();
  const pane = usePaneStyles();
  return (
    <>
      <h3 className={rows.subheading} ref={heading} tabIndex={-1}>
        RAG suggestions from dates
      </h3>
      {suggestions.length === 0 ? (
        <Text size={200}>None: every RAG rating fits its due date.</Text>
      ) : (
        <>
          <Text size={200} className={pane.detail}>
            What the due dates suggest. Nothing changes until you choose Apply.
          </Text>
          <ul className={rows.list} data-testid="rag-suggestions">
            {suggestions.map((suggestion) => {
              const where = cellName(suggestion);
              return (
                <li key={where} className={rows.row} data-testid="rag-suggestion" data-cell={where}>
                  <span className={styles.change}>
                    <Link as="button" className={rows.cell} onClick={() => onGoTo(suggestion.sheet, suggestion.cell)}>
                      {where}
                    </Link>
                    <Text size={200}>
                      {valueText(suggestion.current)} → {suggestion.suggested}
                    </Text>
                  </span>
                  <Text size={200} className={rows.text}>
                    {sentenceCase(suggestion.reason)}.
                  </Text>
                  <Button
                    size="small"
                    onClick={() => onApply(suggestion)}
                    disabledFocusable={busy}
                    aria-label={`Apply ${suggestion.suggested} to ${where}`}
                  >
                    Apply
                  </Button>
                </li>
              );
            })}
          </ul>
        </>
      )}
    </>
  );
});
