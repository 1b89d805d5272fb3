import { useState } from "react";
import type { WorkbookSession } from "../useWorkbookSession";
import { useAfterChange } from "./useAfterChange";
import { NO_FACTS, factsQuery, readFacts, type WorkbookFacts } from "./workbookFacts";

/**
 * The workbook's facts (its framework, managed sheets, saved inspection dates), read again after every
 * change. Each read gives a new object, and facts read from another workbook are never given for this one.
 */
export function useWorkbookFacts(session: WorkbookSession): WorkbookFacts {
  const [read, setRead] = useState<{ facts: WorkbookFacts; of: unknown } | null>(null);
  const workbook = session.workbook;
  useAfterChange(session, () => {
    void session.dryRun(factsQuery, readFacts).then((outcome) => {
      if (outcome.ok) setRead({ facts: outcome.report, of: workbook });
    });
  });
  return read && read.of === session.workbook ? read.facts : NO_FACTS;
}
