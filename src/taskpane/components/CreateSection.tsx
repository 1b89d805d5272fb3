import {
  Button,
  Checkbox,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useId, useRef, useState, type ChangeEvent } from "react";
import {
  createWorkbook,
  createWorkbookQuery,
  existingPlanSheets,
  type ExistingPlanSheet,
} from "../../commands/createWorkbook";
import { PLAN_KINDS, type PlanKind } from "../../domain/plan";
import { PLAN_KIND_SPECS } from "../../sheets/planKinds";
import type { Framework } from "../../domain/framework";
import { loadFrameworkFile } from "../frameworks/loadFrameworkFile";
import type { SessionStatus, WorkbookSession } from "../useWorkbookSession";
import { count, listInWords, quoted } from "../wording";
import { FrameworkPicker } from "./FrameworkPicker";
import { StatusMessage } from "./StatusMessage";
import { UnconfirmedFacts } from "./UnconfirmedFacts";
import { usePaneStyles } from "./paneStyles";

const useStyles = makeStyles({
  kinds: {
    border: "none",
    margin: 0,
    padding: 0,
    minWidth: 0,
    display: "flex",
    flexDirection: "column",
  },
  legend: {
    padding: 0,
    marginBottom: tokens.spacingVerticalXXS,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    color: tokens.colorNeutralForeground1,
  },
});

export interface CreateSectionProps {
  session: WorkbookSession;
  builtIn: Framework[];
  loaded: Framework[];
  onLoad: (framework: Framework) => void;
  frameworkId: string;
  onFrameworkChange: (id: string) => void;
  /** Says that the next session message belongs to this section. */
  claimStatus: () => void;
  status: SessionStatus | null;
  /** True while this section's command runs. */
  working: boolean;
  /** The main sheet made (the action plan where there is one), so the preview can show it. */
  onCreated: (sheet: string) => void;
}

/** Pick a framework (built in, or the council's own file), tick the sheets to make, create them. */
export function CreateSection(props: CreateSectionProps) {
  const { session, builtIn, loaded, frameworkId } = props;
  const styles = useStyles();
  const pane = usePaneStyles();
  const ids = { legend: useId(), load: useId() };
  const fileInput = useRef<HTMLInputElement>(null);
  const [kinds, setKinds] = useState<ReadonlySet<PlanKind>>(() => new Set(PLAN_KINDS));
  /** Plan sheets the workbook has already of the kinds chosen: the pane asks before replacing them. */
  const [existing, setExisting] = useState<ExistingPlanSheet[] | null>(null);
  const [loadMessage, setLoadMessage] = useState<{ intent: "success" | "error"; text: string } | null>(null);
  const framework = [...builtIn, ...loaded].find((f) => f.id === frameworkId);

  const toggle = (kind: PlanKind, on: boolean) => {
    setExisting(null);
    setKinds((current) => {
      const next = new Set(current);
      if (on) next.add(kind);
      else next.delete(kind);
      return next;
    });
  };

  const onFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = ""; // choosing the same file again, after fixing it, loads it again
    if (!file) return;
    const result = await loadFrameworkFile(file);
    if (!result.ok) {
      setLoadMessage({ intent: "error", text: result.error });
      return;
    }
    const clash = builtIn.find((f) => f.id === result.framework.id);
    if (clash) {
      setLoadMessage({
        intent: "error",
        text: `${file.name} has the id "${result.framework.id}", which the built-in framework ${quoted(clash.name)} already uses. Give your framework an id of its own.`,
      });
      return;
    }
    props.onLoad(result.framework);
    setLoadMessage({
      intent: "success",
      text: `Loaded ${quoted(result.framework.name)} from ${file.name}. It is in the list until you close the pane.`,
    });
  };

  /** First asks the workbook which of the chosen sheets it has; makes them at once where it has none. */
  const create = async () => {
    if (!framework || kinds.size === 0) return;
    const wanted = PLAN_KINDS.filter((kind) => kinds.has(kind));
    const found = await session.dryRun(createWorkbookQuery, (snapshot) => ({
      report: existingPlanSheets(snapshot, wanted),
    }));
    if (found.ok && found.report.length > 0) {
      setExisting(found.report);
      return;
    }
    await make(wanted, false);
  };

  /** "Keep them" makes only the kinds the workbook lacks; "Replace them" makes every kind chosen again. */
  const answer = async (replace: boolean) => {
    const have = new Set((existing ?? []).map((e) => e.kind));
    setExisting(null);
    const wanted = PLAN_KINDS.filter((kind) => kinds.has(kind) && (replace || !have.has(kind)));
    if (wanted.length > 0) await make(wanted, replace);
  };

  const make = async (wanted: PlanKind[], replace: boolean) => {
    if (!framework) return;
    props.claimStatus();
    const report = await session.run({
      query: createWorkbookQuery,
      plan: (snapshot) => createWorkbook(snapshot, { framework, kinds: wanted, now: new Date(), replace }),
      describe: (r) => {
        const verb = (s: { replaced?: boolean }) => (s.replaced ? "Replaced" : "Created");
        return r.sheets.length === 1
          ? `${verb(r.sheets[0]!)} the sheet ${quoted(r.sheets[0]!.sheet)} with ${count(r.sheets[0]!.rows, "row")} from ${r.framework.name}.`
          : `${r.sheets.some((s) => s.replaced) ? "Made" : "Created"} ${r.sheets.length} sheets from ${r.framework.name}: ${listInWords(
              r.sheets.map((s) => `${quoted(s.sheet)} (${count(s.rows, "row")}${s.replaced ? ", replaced" : ""})`),
            )}.`;
      },
      failure: "Could not create the plan sheets",
    });
    if (report) props.onCreated(report.sheet);
  };

  return (
    <>
      <FrameworkPicker
        frameworks={builtIn}
        loaded={loaded}
        value={frameworkId}
        onChange={props.onFrameworkChange}
        disabled={session.busy}
      />
      {framework && <UnconfirmedFacts framework={framework} />}
      <div className={pane.actions}>
        <Button
          size="small"
          onClick={() => fileInput.current?.click()}
          disabledFocusable={session.busy}
          aria-describedby={ids.load}
        >
          Load your own framework…
        </Button>
        <Text size={200} id={ids.load} className={pane.detail}>
          A JSON file in the form of the built-in frameworks; it is read here and never leaves your computer.
        </Text>
        <input
          ref={fileInput}
          type="file"
          accept=".json,application/json"
          className={pane.hiddenInput}
          tabIndex={-1}
          aria-hidden="true"
          data-testid="framework-file"
          onChange={onFile}
        />
      </div>
      {loadMessage && (
        <MessageBar intent={loadMessage.intent} layout="multiline" data-testid="framework-load-message">
          <MessageBarBody>
            {loadMessage.intent === "error" && <MessageBarTitle>This framework could not be loaded</MessageBarTitle>}
            {loadMessage.text}
          </MessageBarBody>
          <MessageBarActions>
            <Button appearance="transparent" size="small" onClick={() => setLoadMessage(null)}>
              Dismiss
            </Button>
          </MessageBarActions>
        </MessageBar>
      )}
      <fieldset className={styles.kinds} aria-labelledby={ids.legend}>
        <legend id={ids.legend} className={styles.legend}>
          Sheets to make
        </legend>
        {PLAN_KINDS.map((kind) => (
          <Checkbox
            key={kind}
            label={PLAN_KIND_SPECS[kind].label}
            checked={kinds.has(kind)}
            onChange={(_, data) => toggle(kind, data.checked === true)}
          />
        ))}
      </fieldset>
      <div className={pane.actions}>
        <Button
          appearance="primary"
          onClick={create}
          disabledFocusable={session.busy || !framework || kinds.size === 0}
        >
          Create plan sheets
        </Button>
        {props.working && <Spinner size="tiny" label="Working…" labelPosition="after" />}
      </div>
      {kinds.size === 0 && <span className={pane.detail}>Tick at least one sheet to make.</span>}
      {existing && (
        <MessageBar intent="warning" layout="multiline" data-testid="create-existing">
          <MessageBarBody>
            <MessageBarTitle>
              The workbook has {existing.length === 1 ? "this sheet" : "these sheets"} already
            </MessageBarTitle>
            {listInWords(existing.map((e) => `${quoted(e.sheet)} (${PLAN_KIND_SPECS[e.kind].label.toLowerCase()})`))}.
            Replacing {existing.length === 1 ? "it clears it" : "them clears them"} and makes{" "}
            {existing.length === 1 ? "it" : "them"} again from the framework, with everything typed in{" "}
            {existing.length === 1 ? "it" : "them"} gone (Undo brings {existing.length === 1 ? "it" : "them"} back).
            Keeping {existing.length === 1 ? "it" : "them"} makes only the sheets the workbook lacks.
          </MessageBarBody>
          <MessageBarActions>
            <Button size="small" onClick={() => answer(true)} disabledFocusable={session.busy}>
              Replace them
            </Button>
            <Button size="small" onClick={() => answer(false)} disabledFocusable={session.busy}>
              Keep them
            </Button>
          </MessageBarActions>
        </MessageBar>
      )}
      <StatusMessage status={props.status} onDismiss={session.clearStatus} testId="status-create" />
    </>
  );
}
