import {
  Button,
  Checkbox,
  Field,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Select,
  Spinner,
  Text,
} from "@fluentui/react-components";
import { useId, useRef, useState } from "react";
import {
  structureQuery,
  structureSheet,
  type StructureOptions,
  type StructureReport,
} from "../../commands/structureSheet";
import { PLAN_KINDS, type PlanField, type PlanKind } from "../../domain/plan";
import { PLAN_KIND_SPECS } from "../../sheets/planKinds";
import type { WorkbookPatch } from "../../workbook/types";
import { errorMessage, type SessionStatus, type WorkbookSession } from "../useWorkbookSession";
import { count, quoted } from "../wording";
import { StatusMessage } from "./StatusMessage";
import { StructurePreview } from "./StructurePreview";
import { usePaneStyles } from "./paneStyles";

type Mapping = NonNullable<StructureOptions["mapping"]>;

/** A preview is only good for the workbook, the changes and the sheet it was made from. */
interface Preview {
  report: StructureReport;
  basis: { applied: readonly WorkbookPatch[]; workbook: unknown };
}

export interface StructureSectionProps {
  session: WorkbookSession;
  /** The sheet in front of the user where the pane knows it (the preview's selected tab); null in Excel. */
  activeSheet: string | null;
  /** Reads the sheet in front of the user: Excel's active worksheet, or the preview's selected tab. */
  readActiveSheet: () => Promise<string>;
  claimStatus: () => void;
  status: SessionStatus | null;
  working: boolean;
  onStructured: (sheet: string) => void;
}

/**
 * Makes a sheet the user already has into a managed plan table: preview what would be found and
 * changed, correct the mapping, then structure it (one change, which "Undo last change" reverses).
 */
export function StructureSection(props: StructureSectionProps) {
  const { session, activeSheet } = props;
  const pane = usePaneStyles();
  const ids = { detail: useId() };
  const [kind, setKind] = useState<PlanKind>("action-plan");
  const [mapping, setMapping] = useState<Mapping>({});
  const [normalise, setNormalise] = useState(false);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [error, setError] = useState<{ title: string; message: string } | null>(null);
  const [previewing, setPreviewing] = useState(false);
  const previewButton = useRef<HTMLButtonElement>(null);

  const current =
    preview &&
    preview.basis.applied === session.applied &&
    preview.basis.workbook === session.workbook &&
    (activeSheet === null || activeSheet.toLowerCase() === preview.report.sheet.toLowerCase())
      ? preview.report
      : null;

  const plan = async (sheet: string | null, as: PlanKind, corrections: Mapping): Promise<boolean> => {
    setPreviewing(true);
    try {
      const name = sheet ?? (await props.readActiveSheet());
      const result = await session.dryRun(structureQuery(name), (snapshot) => {
        const { report } = structureSheet(snapshot, { sheet: name, as, now: new Date(), mapping: corrections });
        return { report };
      });
      if (!result.ok) {
        setError({
          title: `Could not preview ${quoted(name)} as ${PLAN_KIND_SPECS[as].inSentence}`,
          message: result.error,
        });
        return false;
      }
      setError(null);
      setPreview({ report: result.report, basis: { applied: session.applied, workbook: session.workbook } });
      return true;
    } catch (failure) {
      setError({ title: "Could not tell which sheet is open", message: errorMessage(failure) });
      return false;
    } finally {
      setPreviewing(false);
    }
  };

  const previewMapping = () => {
    setPreview(null);
    setMapping({});
    return plan(null, kind, {});
  };

  const correct = async (field: PlanField, col: number | null) => {
    if (!current) return;
    const next = { ...mapping, [field]: col };
    if (await plan(current.sheet, current.kind, next)) setMapping(next);
  };

  const structure = async () => {
    if (!current) return;
    const { sheet, kind: as } = current;
    props.claimStatus();
    const report = await session.run({
      query: structureQuery(sheet),
      plan: (snapshot) => structureSheet(snapshot, { sheet, as, now: new Date(), normalise, mapping }),
      describe: (r) =>
        `Structured ${quoted(r.sheet)} as ${PLAN_KIND_SPECS[r.kind].inSentence}: the table ${r.table} over ${r.range} with ${count(
          r.dataRows,
          "data row",
        )}${r.normalised > 0 ? `; ${count(r.normalised, "value")} put in the plan’s form` : ""}.`,
      failure: `Could not structure ${quoted(sheet)}`,
    });
    if (report) {
      setPreview(null);
      setMapping({});
      props.onStructured(report.sheet);
      // The button pressed has gone with the preview: keep keyboard focus in the section.
      previewButton.current?.focus();
    }
  };

  const fixable = current?.normalisable.filter((n) => n.fix !== undefined).length ?? 0;
  const busy = session.busy || previewing;

  return (
    <>
      <Text id={ids.detail} className={pane.detail}>
        Turn a plan you already keep into a managed table, with RAG lists and dates checked. Every value stays where it
        is. Sheet:{" "}
        {activeSheet === null ? (
          "the one open in Excel"
        ) : (
          <strong data-testid="structure-sheet">{quoted(activeSheet)}</strong>
        )}
        .
      </Text>
      <Field label="Structure as">
        <Select
          value={kind}
          onChange={(_, data) => {
            setKind(data.value as PlanKind);
            setPreview(null);
            setMapping({});
            setError(null);
          }}
        >
          {PLAN_KINDS.map((k) => (
            <option key={k} value={k}>
              {PLAN_KIND_SPECS[k].label}
            </option>
          ))}
        </Select>
      </Field>
      <div className={pane.actions}>
        <Button ref={previewButton} onClick={previewMapping} disabledFocusable={busy} aria-describedby={ids.detail}>
          Preview mapping
        </Button>
        {previewing && <Spinner size="tiny" label="Reading the sheet…" labelPosition="after" />}
      </div>
      {error && (
        <MessageBar intent="error" layout="multiline" data-testid="structure-error">
          <MessageBarBody>
            <MessageBarTitle>{error.title}</MessageBarTitle>
            {error.message}
          </MessageBarBody>
        </MessageBar>
      )}
      {current && (
        <>
          <StructurePreview report={current} onMappingChange={correct} />
          {fixable > 0 && (
            <Checkbox
              label={`Also fix the values that have a suggestion (${fixable})`}
              checked={normalise}
              onChange={(_, data) => setNormalise(data.checked === true)}
            />
          )}
          <div className={pane.actions}>
            <Button appearance="primary" onClick={structure} disabledFocusable={busy}>
              Structure sheet
            </Button>
            {props.working && <Spinner size="tiny" label="Working…" labelPosition="after" />}
          </div>
        </>
      )}
      <StatusMessage status={props.status} onDismiss={session.clearStatus} testId="status-structure" />
    </>
  );
}
