import { config, z } from "zod";
import { FrameworkError, type Framework } from "./framework";
import { RAG_CONCEPTS, type RagConcept } from "./rag";

/*
 * The framework schema: what a council's own framework file is checked against as it is read (the pane's
 * "Load your own framework…", the CLI's --framework), and what the built-in frameworks are held to by the
 * unit tests (test/domain/frameworks.test.ts), so neither the pane nor the CLI builds or runs it as it
 * starts. The pane loads this module only when a user loads a framework file.
 *
 * The pane's Content-Security-Policy allows no eval: zod's compiled parsers probe for it with
 * `new Function("")` the first time a schema parses. Told here, before any schema exists, zod parses the
 * same way without probing, wherever this module runs.
 */
config({ jitless: true });

/**
 * How sure we are of a fact. Frameworks are public documents, but some facts (a linking rule, a notice
 * period) are only inferred or recalled; those ship as "unconfirmed" and the pane and CLI say so.
 */
export const confidenceSchema = z.enum(["confirmed", "partly-confirmed", "unconfirmed"]);

const idSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]*$/, "lower-case letters, digits and hyphens, e.g. ofsted-ilacs-2024");

export const sourceSchema = z.object({
  id: z.string().min(1),
  title: z.string().min(1),
  /** Where the source can be read; omitted for internal documents such as committee minutes. */
  reference: z.string().optional(),
  note: z.string().optional(),
});

export const gradeSchema = z.object({
  id: z.string().min(1),
  label: z.string().min(1),
  /** Higher is better; used to compare grades without knowing their words. */
  rank: z.number().int(),
});

export const scaleSchema = z.object({
  id: z.string().min(1),
  grades: z.array(gradeSchema).min(2),
  confidence: confidenceSchema,
  sources: z.array(z.string()).min(1),
});

export const criterionSchema = z.object({
  /** Stable key for rows in a plan: refresh matches rows by this. */
  ref: z.string().regex(/^[A-Z0-9][A-Z0-9.-]*$/, "upper-case letters, digits, dots and hyphens, e.g. HP-01"),
  text: z.string().min(1),
  sources: z.array(z.string()).min(1),
  confidence: confidenceSchema,
  /** How much the criterion counts towards its judgement's projected grade (1 unless the data says). */
  weight: z.number().positive().max(10).optional(),
  /** A critical criterion rated off track caps its judgement (see projection.criticalCap). */
  critical: z.boolean().optional(),
});

/**
 * How a judgement's grade is projected from its criteria's positions. Our own method, not an
 * inspectorate's: the framework file states it so a council can see and change it.
 */
export const projectionSchema = z.object({
  /** Share of a judgement's criteria (by weight) that need a position before a grade is projected. */
  coverageThreshold: z.number().min(0).max(1),
  /** The grade (by id) a judgement can reach at best while a critical criterion is off track. */
  criticalCap: z.string().min(1),
  /** The grade to aim for: the path to target lists what must improve to reach it. */
  target: z.string().min(1),
  confidence: confidenceSchema,
  sources: z.array(z.string()).min(1),
});

export const judgementSchema = z.object({
  id: idSchema,
  name: z.string().min(1),
  /** overall: derived from the others; key: graded in its own right; contributory: may limit another. */
  kind: z.enum(["overall", "key", "contributory"]),
  /** For a contributory judgement, the judgement it contributes to. */
  parent: idSchema.optional(),
  /** Other words councils use for it in their own plans ("CP", "LAC", "Leadership"), for matching a plan's areas. */
  aliases: z.array(z.string().min(1)).optional(),
  confidence: confidenceSchema,
  sources: z.array(z.string()).min(1),
  criteria: z.array(criterionSchema),
});

/**
 * A rule that links judgements, in a form the projection can apply: when a judgement (any of `when`)
 * is at or below a grade, `cap` holds another judgement at or below a grade. "may" marks rules the
 * framework states as a possibility ("may be limiting"); the projection reports them as reasons and
 * applies only the "always" ones.
 */
export const linkingEffectSchema = z.object({
  type: z.literal("cap"),
  when: z.object({ judgements: z.array(idSchema).min(1), gradeAtMost: z.string().min(1) }),
  cap: z.object({ judgement: idSchema, grade: z.string().min(1) }),
  certainty: z.enum(["always", "may"]),
});

export const linkingRuleSchema = z.object({
  id: idSchema,
  description: z.string().min(1),
  effect: linkingEffectSchema.optional(),
  confidence: confidenceSchema,
  sources: z.array(z.string()).min(1),
});

/** Something inspectors ask for: a case-level data set or list, a document, or the self-evaluation. */
export const evidenceItemSchema = z.object({
  id: idSchema,
  title: z.string().min(1),
  kind: z.enum(["dataset", "document", "self-evaluation"]),
  /** Hours after the on-site start by which it is due, where the framework says. */
  dueWithinHours: z.number().positive().optional(),
  confidence: confidenceSchema,
  sources: z.array(z.string()).min(1),
});

/** A fact about the inspection's timing (notice, time on site, deadlines), for the timeline issue. */
export const timelineFactSchema = z.object({
  id: idSchema,
  label: z.string().min(1),
  /** The length or offset the fact states, where it is a number. */
  amount: z.number().nonnegative().optional(),
  unit: z.enum(["hours", "days", "working-days", "weeks"]).optional(),
  confidence: confidenceSchema,
  sources: z.array(z.string()).min(1),
});

/** A council's own RAG scale: each status with what it means and which concept the rules read it as. */
export const ragStatusSchema = z.object({
  label: z
    .string()
    .min(1)
    .max(40)
    .refine((label) => !label.includes(","), "a label without commas (Excel lists are comma-separated)"),
  meaning: z.string().min(1),
  concept: z.enum(RAG_CONCEPTS as [RagConcept, ...RagConcept[]]),
  fill: z.string().regex(/^#[0-9A-Fa-f]{6}$/, "a colour as #RRGGBB"),
  text: z.string().regex(/^#[0-9A-Fa-f]{6}$/, "a colour as #RRGGBB"),
});

export const frameworkSchema = z
  .object({
    id: idSchema,
    version: z.string().min(1),
    name: z.string().min(1),
    inspectorate: z.string().min(1),
    country: z.enum(["England", "Scotland", "Wales", "Northern Ireland"]),
    /** In force from (ISO date); frameworks are versioned so older plans stay readable. */
    inForceFrom: z.iso.date(),
    /** The last day in force (ISO date); absent while it is in force. */
    inForceTo: z.iso.date().optional(),
    /** The framework (by id) that replaced this one: "refresh to the current framework" moves plans there. */
    supersededBy: idSchema.optional(),
    /** What changed from the framework this one replaced, each change with its sources and confidence. */
    changes: z
      .array(z.object({ text: z.string().min(1), confidence: confidenceSchema, sources: z.array(z.string()).min(1) }))
      .default([]),
    confidence: confidenceSchema,
    sources: z.array(sourceSchema).min(1),
    scale: scaleSchema,
    judgements: z.array(judgementSchema).min(1),
    linkingRules: z.array(linkingRuleSchema),
    /** Markers that are not grades, such as the CAA's red and green flags. */
    flags: z
      .array(
        z.object({
          id: idSchema,
          label: z.string().min(1),
          meaning: z.string().min(1),
          confidence: confidenceSchema,
          sources: z.array(z.string()).min(1),
        }),
      )
      .default([]),
    evidence: z.array(evidenceItemSchema).default([]),
    timeline: z.array(timelineFactSchema).default([]),
    /** How the inspectorate groups its recommendations, e.g. immediate priorities, areas for development. */
    recommendationCategories: z.array(z.string().min(1)).default([]),
    /** The RAG scale plans from this framework use, where a council wants its own. */
    rag: z.array(ragStatusSchema).min(2).optional(),
    projection: projectionSchema.optional(),
  })
  .superRefine((framework, ctx) => {
    const sourceIds = new Set(framework.sources.map((s) => s.id));
    const judgementIds = new Set(framework.judgements.map((j) => j.id));
    const refs = new Set<string>();
    const citations: { path: (string | number)[]; id: string }[] = [
      ...framework.scale.sources.map((id, i) => ({ path: ["scale", "sources", i], id })),
      ...framework.linkingRules.flatMap((rule, r) =>
        rule.sources.map((id, i) => ({ path: ["linkingRules", r, "sources", i], id })),
      ),
    ];
    const gradeIds = new Set(framework.scale.grades.map((g) => g.id));
    framework.evidence.forEach((item, e) =>
      item.sources.forEach((id, i) => citations.push({ path: ["evidence", e, "sources", i], id })),
    );
    framework.flags.forEach((flag, f) =>
      flag.sources.forEach((id, i) => citations.push({ path: ["flags", f, "sources", i], id })),
    );
    framework.timeline.forEach((fact, t) =>
      fact.sources.forEach((id, i) => citations.push({ path: ["timeline", t, "sources", i], id })),
    );
    framework.changes.forEach((change, c) =>
      change.sources.forEach((id, i) => citations.push({ path: ["changes", c, "sources", i], id })),
    );
    if (framework.projection) {
      framework.projection.sources.forEach((id, i) => citations.push({ path: ["projection", "sources", i], id }));
      for (const key of ["criticalCap", "target"] as const) {
        if (!gradeIds.has(framework.projection[key])) {
          ctx.addIssue({
            code: "custom",
            path: ["projection", key],
            message: `the scale has no grade "${framework.projection[key]}"`,
          });
        }
      }
    }
    framework.linkingRules.forEach((rule, r) => {
      if (!rule.effect) return;
      const path = ["linkingRules", r, "effect"];
      for (const id of [...rule.effect.when.judgements, rule.effect.cap.judgement]) {
        if (!judgementIds.has(id)) ctx.addIssue({ code: "custom", path, message: `no judgement has the id "${id}"` });
      }
      for (const grade of [rule.effect.when.gradeAtMost, rule.effect.cap.grade]) {
        if (!gradeIds.has(grade)) ctx.addIssue({ code: "custom", path, message: `the scale has no grade "${grade}"` });
      }
    });
    framework.judgements.forEach((judgement, j) => {
      judgement.sources.forEach((id, i) => citations.push({ path: ["judgements", j, "sources", i], id }));
      if (judgement.parent && !judgementIds.has(judgement.parent)) {
        ctx.addIssue({
          code: "custom",
          path: ["judgements", j, "parent"],
          message: `no judgement has the id "${judgement.parent}"`,
        });
      }
      judgement.criteria.forEach((criterion, c) => {
        criterion.sources.forEach((id, i) =>
          citations.push({ path: ["judgements", j, "criteria", c, "sources", i], id }),
        );
        if (refs.has(criterion.ref)) {
          ctx.addIssue({
            code: "custom",
            path: ["judgements", j, "criteria", c, "ref"],
            message: `the ref "${criterion.ref}" is used twice`,
          });
        }
        refs.add(criterion.ref);
      });
    });
    for (const { path, id } of citations) {
      if (!sourceIds.has(id)) ctx.addIssue({ code: "custom", path, message: `no source has the id "${id}"` });
    }
    if (judgementIds.size !== framework.judgements.length) {
      ctx.addIssue({ code: "custom", path: ["judgements"], message: "two judgements share an id" });
    }
  });

/** Checks data against the schema; the message names each JSON path and what was expected there. */
export function parseFramework(data: unknown, origin: string): Framework {
  const result = frameworkSchema.safeParse(data);
  if (result.success) return result.data;
  const problems = result.error.issues
    .slice(0, 5)
    .map((issue) => `${formatPath(issue.path)}: ${issue.message}`)
    .join("; ");
  throw new FrameworkError(`${origin} is not a valid framework — ${problems}`);
}

function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>(
    (text, key) => (typeof key === "number" ? `${text}[${key}]` : `${text}.${String(key)}`),
    "$",
  );
}
