import {
  Button,
  Field,
  Input,
  Radio,
  RadioGroup,
  Select,
  Spinner,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useEffect, useId, useRef, useState } from "react";
import type { InspectionSheetsReport } from "../../commands/createInspectionSheets";
import {
  EMPTY_FORM,
  formFromSaved,
  readInspectionForm,
  type DateField,
  type FormErrors,
  type InspectionForm,
} from "../../commands/inspectionForm";
import type { WorkbookFacts } from "../../commands/workbookFacts";
import type { Framework } from "../../domain/framework";
import { INSPECTION_TYPES } from "../../domain/timeline";
import { checklistFor } from "../../sheets/inspectionSheets";
import { inspectionSheetsCommand } from "../inspection/inspectionCommands";
import type { SessionStatus, WorkbookSession } from "../useWorkbookSession";
import { useAfterChange } from "../workbook/useAfterChange";
import { MilestoneList } from "./MilestoneList";
import { StatusMessage } from "./StatusMessage";
import { usePaneStyles } from "./paneStyles";

const useStyles = makeStyles({
  pair: {
    display: "grid",
    gridTemplateColumns: "repeat(auto-fit, minmax(9.5em, 1fr))",
    gap: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
  },
  field: { minWidth: 0 },
  // Inputs keep the width of about 20 characters unless told to fit: these fit their half of the pane.
  input: { width: "100%", minWidth: 0 },
  inputElement: { width: "100%" },
  select: { width: "100%", minWidth: 0 },
});

const FIELD_ORDER: DateField[] = ["notifiedDate", "notifiedTime", "onsiteDate", "onsiteTime"];

export interface InspectionDatesSectionProps {
  session: WorkbookSession;
  frameworks: readonly Framework[];
  /** The framework chosen under "Create a plan", until the workbook has plans of its own. */
  fallbackFramework: Framework | undefined;
  facts: WorkbookFacts;
  onShowSheet: (sheet: string) => void;
  claimStatus: () => void;
  status: SessionStatus | null;
  working: boolean;
}

/**
 * "Inspection dates": when the inspectorate called and (if known) when inspectors arrive; makes the
 * Timeline and the Annex A checklist on the framework nation's working days, and lists the milestones,
 * flagging the ones whose rules are not confirmed and an on-site start that is only an estimate.
 */
export function InspectionDatesSection(props: InspectionDatesSectionProps) {
  const { session, frameworks, facts } = props;
  const styles = useStyles();
  const pane = usePaneStyles();
  const detailId = useId();
  const [form, setForm] = useState<InspectionForm>(EMPTY_FORM);
  const [errors, setErrors] = useState<FormErrors>({});
  const [chosen, setChosen] = useState<string | null>(null);
  const [result, setResult] = useState<{ report: InspectionSheetsReport; timeline: string } | null>(null);
  const touched = useRef(false);
  const inputs = useRef<Partial<Record<DateField, HTMLInputElement | null>>>({});

  const find = (id: string | null | undefined) => (id ? frameworks.find((f) => f.id === id) : undefined);
  const framework =
    find(chosen) ?? find(facts.inspection?.framework) ?? find(facts.planFramework) ?? props.fallbackFramework;

  // Another workbook: start again. After any other change: the milestones go if their timeline has gone.
  useAfterChange(session, (newWorkbook) => {
    if (newWorkbook) {
      touched.current = false;
      setForm(EMPTY_FORM);
      setErrors({});
      setChosen(null);
      setResult(null);
      return;
    }
  });

  // The milestones go when their timeline has gone (an undo), as the facts the pane read next say.
  const shown = useRef(result);
  shown.current = result;
  useEffect(() => {
    if (shown.current && !facts.managedSheets.includes(shown.current.timeline)) setResult(null);
  }, [facts]);

  // A workbook with a timeline already: its dates, each time they are read, until the user types their own.
  const saved = facts.inspection;
  useEffect(() => {
    if (!saved || touched.current) return;
    setForm(formFromSaved(saved));
    // Only a new reading of the saved dates fills the form; the frameworks list changing does not.
  }, [saved]);

  const edit = (field: keyof InspectionForm, value: string) => {
    touched.current = true;
    setForm((current) => ({ ...current, [field]: value }));
    if (field !== "type") setErrors((current) => ({ ...current, [field]: undefined }));
  };

  const create = async () => {
    if (!framework) return;
    const read = readInspectionForm(form);
    if (!read.ok) {
      setErrors(read.errors);
      const first = FIELD_ORDER.find((f) => read.errors[f]);
      if (first) inputs.current[first]?.focus();
      return;
    }
    setErrors({});
    props.claimStatus();
    const report = await session.run(inspectionSheetsCommand(framework, read.dates));
    if (!report) return;
    const timeline = report.sheets.find((s) => s.kind === "timeline")?.sheet ?? report.sheets[0]?.sheet ?? "";
    setResult({ report, timeline });
    if (timeline) props.onShowSheet(timeline);
  };

  const dateField = (field: DateField, label: string, hint: string) => (
    <Field
      className={styles.field}
      label={label}
      hint={hint}
      validationState={errors[field] ? "error" : "none"}
      validationMessage={errors[field]}
    >
      <Input
        className={styles.input}
        input={{ className: styles.inputElement }}
        ref={(element) => {
          inputs.current[field] = element;
        }}
        value={form[field]}
        onChange={(_, data) => edit(field, data.value)}
        placeholder={field.endsWith("Date") ? "dd/mm/yyyy" : "hh:mm"}
        autoComplete="off"
        disabled={session.busy}
      />
    </Field>
  );

  // "Annex A checklist" in England; Scotland has no Annex A, so its checklist is the evidence checklist.
  const checklist = framework ? checklistFor(framework).title : null;
  // Made already: making them again updates the same two sheets in place (never a second Timeline).
  const made = saved !== null;
  return (
    <>
      <Text id={detailId} className={pane.detail}>
        Makes a Timeline of the inspection&apos;s milestones and {checklist ? `an ${checklist}` : "a checklist"} with
        what is due when, counted in working days with the bank holidays of the framework&apos;s nation. Rules not yet
        confirmed are flagged.
        {made &&
          " The workbook has them already: entering the on-site date and updating rewrites their dates in place and keeps everything you typed in them."}
      </Text>
      <Field label="Framework for the timeline" className={styles.field}>
        <Select
          className={styles.select}
          value={framework?.id ?? ""}
          onChange={(_, data) => setChosen(data.value)}
          disabled={session.busy}
        >
          {frameworks.map((f) => (
            <option key={f.id} value={f.id}>
              {f.name}
            </option>
          ))}
        </Select>
      </Field>
      <div className={styles.pair}>
        {dateField("notifiedDate", "Notification date", "dd/mm/yyyy")}
        {dateField("notifiedTime", "Notification time", "hh:mm, 24-hour clock")}
      </div>
      <div className={styles.pair}>
        {dateField("onsiteDate", "On-site start date (optional)", "Blank to estimate it")}
        {dateField("onsiteTime", "On-site start time (optional)", "Blank for 09:00")}
      </div>
      <Field label="Type of inspection" hint="Sets the time on site for ILACS; other frameworks have one kind.">
        <RadioGroup value={form.type} onChange={(_, data) => edit("type", data.value)} disabled={session.busy}>
          {INSPECTION_TYPES.map((type) => (
            <Radio key={type.id} value={type.id} label={type.label} />
          ))}
        </RadioGroup>
      </Field>
      <div className={pane.actions}>
        <Button
          appearance="primary"
          onClick={create}
          disabledFocusable={session.busy || !framework}
          aria-describedby={detailId}
        >
          {made ? "Update" : "Create"} timeline and {checklist ?? "checklist"}
        </Button>
        {props.working && <Spinner size="tiny" label="Working…" labelPosition="after" />}
      </div>
      <StatusMessage status={props.status} onDismiss={session.clearStatus} testId="status-inspection" />
      {result && <MilestoneList report={result.report} />}
    </>
  );
}
