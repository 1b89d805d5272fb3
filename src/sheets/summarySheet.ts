import type { Framework } from "../domain/framework";
import { builtInFrameworks } from "../domain/frameworks";
import {
  CONCEPT_SCORES,
  gradeScore,
  gradesByRank,
  HIGHEST_SCORE,
  LOWEST_SCORE,
  overallInputs,
  projectionSettings,
  RANK_OFFSET,
  SCORE_DECIMALS,
} from "../domain/projection/project";
import type { RagStatus } from "../domain/rag";
import { columnLetters, quoteSheetName } from "../workbook/address";
import type { CellInput, PatchOp } from "../workbook/types";
import { headerRowFormatOps, pageSetupFor, type PrintPage } from "./printLayout";
import { LINE_HEIGHT, rowHeightFor, wrappedLines } from "./rowHeights";

export const SUMMARY_SHEET = "Summary";

/** Where the self-evaluation's refs and positions are, as absolute ranges for the summary's lookups. */
export interface PositionSource {
  sheet: string;
  refCol: number;
  positionCol: number;
  /** 0-based first and last data rows. */
  top: number;
  bottom: number;
  /**
   * Where each criterion's position is, by ref, as an absolute reference ("'Action plan'!$G$12"), for a
   * projection from an action plan, whose "criteria" are its actions; otherwise looked up by ref.
   */
  cells?: ReadonlyMap<string, string>;
}

export interface SummaryLayout {
  values: CellInput[][];
  /** 0-based rows of the judgement lines, by judgement id, and of the overall line. */
  judgementRows: Map<string, number>;
  overallRow: number | null;
  /** 0-based row of the criteria block's header; its lines follow, one per criterion. */
  criteriaHeaderRow: number;
  /** 0-based column of each figure, for tests and the pane. */
  columns: { counts: Map<string, number>; score: number; coverage: number; grade: number; reasons: number };
}

const q = (text: string) => `"${text.replace(/"/g, '""')}"`;

/** The rank a score picks, as domain/projection's rankFromScore computes it, on a scale of n grades. */
const rankFormula = (score: string, n: number) =>
  `MAX(1,MIN(${n},1+INT(ROUND((${score}-${LOWEST_SCORE})*${n - 1}/${HIGHEST_SCORE - LOWEST_SCORE}+${RANK_OFFSET},${SCORE_DECIMALS}))))`;

/**
 * The Summary sheet as values and formulas: per judgement, counts by RAG, score, coverage, projected
 * grade and reasons; the overall grade; and below, one line per criterion with its weight, whether it is
 * critical, its position looked up from the self-evaluation by ref, and its score. Every figure is a
 * formula, so a manager changing a position sees the projection move with no add-in running; the
 * engine in domain/projection computes the same figures (a LibreOffice test holds them to it).
 */
export function summaryValues(
  framework: Framework,
  vocabulary: readonly RagStatus[],
  source: PositionSource,
): SummaryLayout {
  const settings = projectionSettings(framework);
  const byRank = gradesByRank(framework);
  const n = byRank.length;
  const labels = `{${byRank.map((g) => q(g.label)).join(",")}}`;
  const rankOf = (id: string) => byRank.findIndex((g) => g.id === id) + 1;
  const judgements = framework.judgements.filter((j) => j.kind !== "overall");
  const criteria = judgements.flatMap((j) => j.criteria.map((c) => ({ judgement: j, criterion: c })));
  const offTrack = vocabulary.find((s) => s.concept === "off-track");

  // Top block: header at row 3 (0-based), a line per judgement, then overall.
  const header = [
    "Judgement",
    ...vocabulary.map((s) => s.label),
    "Other or none",
    "Score",
    "Coverage",
    "Projected grade",
    "Reasons",
  ];
  const countCol = (i: number) => 1 + i;
  const otherCol = 1 + vocabulary.length;
  const scoreCol = otherCol + 1;
  const coverageCol = scoreCol + 1;
  const gradeCol = coverageCol + 1;
  const reasonsCol = gradeCol + 1;
  const overall = framework.judgements.find((j) => j.kind === "overall");
  const firstJudgementRow = 4;
  const overallRow = overall ? firstJudgementRow + judgements.length : null;
  const criteriaHeaderRow = firstJudgementRow + judgements.length + (overall ? 1 : 0) + 2;
  const firstCriterionRow = criteriaHeaderRow + 1;
  const lastCriterionRow = firstCriterionRow + Math.max(criteria.length, 1) - 1;
  const block = (col: number) =>
    `$${columnLetters(col)}$${firstCriterionRow + 1}:$${columnLetters(col)}$${lastCriterionRow + 1}`;
  // The criteria block's columns: A ref, B judgement, C weight, D critical, E position, F score.
  const [cJudgement, cWeight, cCritical, cPosition, cScore] = [1, 2, 3, 4, 5].map(block) as [
    string,
    string,
    string,
    string,
    string,
  ];

  const values: CellInput[][] = [
    [`Projected judgements: ${framework.name}`],
    [
      // An action plan's "criteria" are its actions, whose positions are its RAG ratings.
      `Live figures: change ${source.cells ? `a RAG on the sheet "${source.sheet}"` : "a Position on the self-evaluation"} and they move. Our projection method, not the inspectorate's; ` +
        `a judgement needs ${Math.round(settings.coverageThreshold * 100)}% of its criteria with a position, and a critical criterion off track caps it.`,
    ],
    [],
    header,
  ];
  const judgementRows = new Map<string, number>();
  judgements.forEach((judgement, i) => {
    const row = firstJudgementRow + i;
    const r = row + 1;
    judgementRows.set(judgement.id, row);
    const name = `$A${r}`;
    const weightOf = `SUMPRODUCT(--(${cJudgement}=${name}),${cWeight})`;
    const scoredWeight = `SUMPRODUCT(--(${cJudgement}=${name}),--ISNUMBER(${cScore}),${cWeight})`;
    const score = `$${columnLetters(scoreCol)}${r}`;
    const coverage = `$${columnLetters(coverageCol)}${r}`;
    const critical = offTrack
      ? `SUMPRODUCT(--(${cJudgement}=${name}),--(${cCritical}="Yes"),--(${cPosition}=${q(offTrack.label)}))`
      : "0";
    const capRank = rankOf(settings.criticalCap);
    const rank = rankFormula(score, n);
    const line: CellInput[] = [judgement.name];
    vocabulary.forEach((status) =>
      line.push({ formula: `=COUNTIFS(${cJudgement},${name},${cPosition},${q(status.label)})` }),
    );
    line.push({
      formula: `=COUNTIFS(${cJudgement},${name})-SUM(${columnLetters(countCol(0))}${r}:${columnLetters(countCol(vocabulary.length - 1))}${r})`,
    });
    line.push({
      formula: `=IF(${scoredWeight}=0,"",ROUND(SUMPRODUCT(--(${cJudgement}=${name}),${cScore},${cWeight})/${scoredWeight},${SCORE_DECIMALS}))`,
    });
    line.push({ formula: `=IF(${weightOf}=0,0,${scoredWeight}/${weightOf})` });
    line.push({
      formula: `=IF(OR(${coverage}<${settings.coverageThreshold},${score}=""),"Insufficient evidence",INDEX(${labels},IF(${critical}>0,MIN(${rank},${capRank}),${rank})))`,
    });
    line.push({
      formula:
        `=IF(OR(${coverage}<${settings.coverageThreshold},${score}=""),"Only "&TEXT(${coverage},"0%")&" of criteria have a position",` +
        `IF(${critical}>0,${critical}&" critical off track: at best "&${q(byRank[capRank - 1]!.label)},"Score "&TEXT(${score},"0.00")))`,
    });
    values.push(line);
  });

  if (overall && overallRow !== null) {
    const r = overallRow + 1;
    const inputs = overallInputs(framework, overall.id);
    const cell = (id: string, col: number) => `$${columnLetters(col)}${judgementRows.get(id)! + 1}`;
    const scores = inputs.map((j) => cell(j.id, scoreCol));
    const score = `$${columnLetters(scoreCol)}${r}`;
    const caps = framework.linkingRules
      .filter((rule) => rule.effect?.certainty === "always" && rule.effect.cap.judgement === overall.id)
      .map((rule) => {
        const triggers = rule
          .effect!.when.judgements.filter((id) => judgementRows.has(id))
          .map(
            (id) =>
              `IFERROR(MATCH(${cell(id, gradeCol)},${labels},0),${n + 1})<=${rankOf(rule.effect!.when.gradeAtMost)}`,
          );
        return triggers.length > 0 ? `IF(OR(${triggers.join(",")}),${rankOf(rule.effect!.cap.grade)},${n})` : `${n}`;
      });
    const rank = rankFormula(score, n);
    const line: CellInput[] = [overall.name, ...vocabulary.map(() => null), null];
    line.push({
      formula: `=IF(OR(${inputs.map((j) => `${cell(j.id, gradeCol)}="Insufficient evidence"`).join(",")}),"",ROUND(AVERAGE(${scores.join(",")}),${SCORE_DECIMALS}))`,
    });
    line.push(null);
    line.push({
      formula: `=IF(${score}="","Insufficient evidence",INDEX(${labels},MIN(${[rank, ...caps].join(",")})))`,
    });
    line.push({
      formula: `=IF(${score}="","Not every judgement has a projection yet","Mean of ${inputs.length} judgements "&TEXT(${score},"0.00"))`,
    });
    values.push(line);
  }

  while (values.length < criteriaHeaderRow) values.push([]);
  values.push(["Ref", "Judgement", "Weight", "Critical", "Position", "Score"]);
  const refs = `${quoteSheetName(source.sheet)}!$${columnLetters(source.refCol)}$${source.top + 1}:$${columnLetters(source.refCol)}$${source.bottom + 1}`;
  const positions = `${quoteSheetName(source.sheet)}!$${columnLetters(source.positionCol)}$${source.top + 1}:$${columnLetters(source.positionCol)}$${source.bottom + 1}`;
  const scoreChain = (position: string) => {
    const pairs: [string, number][] = [];
    for (const status of vocabulary) {
      const score = CONCEPT_SCORES[status.concept];
      if (score !== null) pairs.push([status.label, score]);
    }
    byRank.forEach((g, i) => pairs.push([g.label, gradeScore(i, n)]));
    // RAG labels that mean "no position" (Not started) must not fall through to a grade of the same name.
    const none = vocabulary.filter((s) => s.concept === "not-started").map((s) => `${position}=${q(s.label)}`);
    const chain = pairs.reduceRight<string>(
      (rest, [label, score]) => `IF(${position}=${q(label)},${score},${rest})`,
      `""`,
    );
    return none.length > 0 ? `IF(OR(${none.join(",")}),"",${chain})` : chain;
  };
  criteria.forEach(({ judgement, criterion }, i) => {
    const r = firstCriterionRow + i + 1;
    values.push([
      criterion.ref,
      judgement.name,
      criterion.weight ?? 1,
      criterion.critical ? "Yes" : "",
      // &"" turns a blank position into "" rather than the 0 INDEX gives for an empty cell.
      {
        formula: source.cells?.has(criterion.ref)
          ? `=IFERROR(${source.cells.get(criterion.ref)}&"","")`
          : `=IFERROR(INDEX(${positions},MATCH($A${r},${refs},0))&"","")`,
      },
      { formula: `=IF(ISTEXT($E${r}),${scoreChain(`$E${r}`)},"")` },
    ]);
  });

  return {
    values,
    judgementRows,
    overallRow,
    criteriaHeaderRow,
    columns: {
      counts: new Map(vocabulary.map((s, i) => [s.label, countCol(i)])),
      score: scoreCol,
      coverage: coverageCol,
      grade: gradeCol,
      reasons: reasonsCol,
    },
  };
}

/** The criteria block's score column (A ref, B judgement, C weight, D critical, E position, F score). */
const CRITERION_POSITION_COL = 4;
const CRITERION_SCORE_COL = 5;

/**
 * The widest grade any framework has ("Requires improvement to be good"), and "Insufficient evidence":
 * the projected grade column is made wide enough for every one on a single line, so no grade is cut.
 */
export function longestGradeText(): number {
  const labels = builtInFrameworks().flatMap((f) => f.scale.grades.map((g) => g.label));
  return Math.max("Insufficient evidence".length, ...labels.map((label) => label.length));
}

/** Column widths, in characters: names and reasons wide, the grade as wide as the longest grade. */
export function summaryColumnWidths(layout: SummaryLayout): number[] {
  const header = layout.values[3] ?? [];
  return header.map((_, col) =>
    col === 0 ? 40 : col === layout.columns.reasons ? 48 : col === layout.columns.grade ? longestGradeText() + 3 : 14,
  );
}

/**
 * How the Summary prints and reads outside Excel: widths, scores to two decimal places, header rows in
 * bold on a fill, wrapped text with row heights that show it (a position may be a grade's words, so the
 * criteria lines leave room for the longest), the note under the title across the page, and A4
 * landscape with the judgements' header repeated. For a Summary sheet the same patch adds.
 */
export function summaryFormatOps(
  sheet: string,
  layout: SummaryLayout,
  positions: readonly string[],
  page: PrintPage,
): PatchOp[] {
  const widths = summaryColumnWidths(layout);
  const right = widths.length - 1;
  const judgementRows = [...layout.judgementRows.values()];
  const lastTopRow = layout.overallRow ?? Math.max(3, ...judgementRows);
  const firstCriterion = layout.criteriaHeaderRow + 1;
  const lastCriterion = Math.max(firstCriterion, layout.values.length - 1);
  const cols = widths.map((width) => ({ width }));
  const criteriaCols = cols.slice(0, CRITERION_SCORE_COL + 1);
  const longestPosition = Math.max(1, ...positions.map((p) => wrappedLines(p, widths[CRITERION_POSITION_COL] ?? 14)));
  const heights: { row: number; height: number }[] = [];
  const note = layout.values[1]?.[0];
  const noteWidth = widths.reduce((sum, w) => sum + w, 0);
  if (typeof note === "string") heights.push({ row: 1, height: rowHeightFor([note], [{ width: noteWidth }]) });
  heights.push({ row: 3, height: rowHeightFor(layout.values[3] ?? [], cols, true) });
  for (let r = 4; r <= lastTopRow; r++) {
    // Reasons are formulas: leave two lines for them beside the judgement's name.
    heights.push({ row: r, height: Math.max(2 * LINE_HEIGHT, rowHeightFor(layout.values[r] ?? [], cols)) });
  }
  heights.push({
    row: layout.criteriaHeaderRow,
    height: rowHeightFor(layout.values[layout.criteriaHeaderRow] ?? [], criteriaCols, true),
  });
  for (let r = firstCriterion; r <= lastCriterion; r++) {
    heights.push({
      row: r,
      height: Math.max(longestPosition * LINE_HEIGHT, rowHeightFor(layout.values[r] ?? [], criteriaCols)),
    });
  }
  const scoreRows = [...judgementRows, ...(layout.overallRow === null ? [] : [layout.overallRow])].sort(
    (a, b) => a - b,
  );
  return [
    { op: "setColumnWidths", sheet, widths: widths.map((width, col) => ({ col, width })) },
    {
      op: "setCellFormat",
      sheet,
      range: { top: 0, left: 0, bottom: 0, right: 0 },
      format: { bold: true, fontSize: 14 },
    },
    { op: "mergeCells", sheet, range: { top: 1, left: 0, bottom: 1, right } },
    { op: "setWrapText", sheet, range: { top: 1, left: 0, bottom: 1, right }, wrap: true },
    ...headerRowFormatOps(sheet, 3, 0, right),
    { op: "setWrapText", sheet, range: { top: 4, left: 0, bottom: lastTopRow, right }, wrap: true },
    ...headerRowFormatOps(sheet, layout.criteriaHeaderRow, 0, CRITERION_SCORE_COL),
    {
      op: "setWrapText",
      sheet,
      range: { top: firstCriterion, left: 0, bottom: lastCriterion, right: CRITERION_SCORE_COL },
      wrap: true,
    },
    // Scores to two decimal places wherever they stand (the engine rounds them the same way).
    ...scoreRows.map((row): PatchOp => ({
      op: "setNumberFormats",
      sheet,
      row,
      col: layout.columns.score,
      formats: [["0.00"]],
    })),
    {
      op: "setNumberFormats",
      sheet,
      row: firstCriterion,
      col: CRITERION_SCORE_COL,
      formats: Array.from({ length: lastCriterion - firstCriterion + 1 }, () => ["0.00"]),
    },
    { op: "setRowHeights", sheet, heights },
    { op: "setPrintSetup", sheet, setup: pageSetupFor(page, [3, 3]) },
  ];
}
