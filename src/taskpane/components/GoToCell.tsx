import {
  Button,
  Link,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
} from "@fluentui/react-components";
import { useCallback, useState } from "react";
import { errorMessage } from "../useWorkbookSession";

/** A cell named in a report, "Self-evaluation!D13", as its sheet and address. */
export function splitCellName(name: string): { sheet: string; cell: string } {
  const bang = name.lastIndexOf("!");
  return bang < 0 ? { sheet: "", cell: name } : { sheet: name.slice(0, bang), cell: name.slice(bang + 1) };
}

export interface GoTo {
  goTo: (sheet: string, cell: string) => Promise<void>;
  /** Why the last go-to failed (a sheet renamed or deleted since), until dismissed. */
  problem: { title: string; message: string } | null;
  dismiss: () => void;
}

/** Going to a cell from a section: in Excel it selects the cell, in the preview it shows its tab and highlights it. */
export function useGoTo(goToCell: (sheet: string, cell: string) => Promise<void>): GoTo {
  const [problem, setProblem] = useState<GoTo["problem"]>(null);
  const goTo = useCallback(
    async (sheet: string, cell: string) => {
      setProblem(null);
      try {
        await goToCell(sheet, cell);
      } catch (error) {
        setProblem({ title: `Could not go to ${sheet}!${cell}`, message: errorMessage(error) });
      }
    },
    [goToCell],
  );
  return { goTo, problem, dismiss: useCallback(() => setProblem(null), []) };
}

export function GoToProblem({ goTo, testId }: { goTo: GoTo; testId?: string }) {
  if (!goTo.problem) return null;
  return (
    <MessageBar intent="error" layout="multiline" data-testid={testId}>
      <MessageBarBody>
        <MessageBarTitle>{goTo.problem.title}</MessageBarTitle>
        {goTo.problem.message}
      </MessageBarBody>
      <MessageBarActions>
        <Button appearance="transparent" size="small" onClick={goTo.dismiss}>
          Dismiss
        </Button>
      </MessageBarActions>
    </MessageBar>
  );
}

export interface CellLinkProps {
  /** The cell as reports name it: "Self-evaluation!D13". */
  cell: string;
  /** What the link shows instead of the cell's name, such as the criterion's ref in that row. */
  text?: string;
  onGoTo: (sheet: string, cell: string) => void;
  className?: string;
}

/** A link that goes to a cell; its name starts with what it shows, then says which cell. */
export function CellLink({ cell, text, onGoTo, className }: CellLinkProps) {
  const { sheet, cell: address } = splitCellName(cell);
  return (
    <Link
      as="button"
      className={className}
      onClick={() => onGoTo(sheet, address)}
      aria-label={text && text !== cell ? `${text} (${cell})` : cell}
      title={`Go to ${cell}`}
      data-cell={cell}
    >
      {text ?? cell}
    </Link>
  );
}
