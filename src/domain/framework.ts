import { z } from "zod";

/**
 * How sure we are of a fact. Frameworks are public documents, but some facts (a linking rule, a notice
 * period) are only inferred or recalled; those ship as "unconfirmed" and the pane and CLI say so.
 */
export const confidenceSchema = z.enum(["confirmed", "partly-confirmed", "unconfirmed"]);
export type Confidence = z.infer<typeof confidenceSchema>;

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
});

export const judgementSchema = z.object({
  id: idSchema,
  name: z.string().min(1),
  /** overall: derived from the others; key: graded in its own right; contributory: may limit another. */
  kind: z.enum(["overall", "key", "contributory"]),
  /** For a contributory judgement, the judgement it contributes to. */
  parent: idSchema.optional(),
  confidence: confidenceSchema,
  sources: z.array(z.string()).min(1),
  criteria: z.array(criterionSchema),
});

export const linkingRuleSchema = z.object({
  id: idSchema,
  description: z.string().min(1),
  confidence: confidenceSchema,
  sources: z.array(z.string()).min(1),
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
    inForceTo: z.iso.date().optional(),
    confidence: confidenceSchema,
    sources: z.array(sourceSchema).min(1),
    scale: scaleSchema,
    judgements: z.array(judgementSchema).min(1),
    linkingRules: z.array(linkingRuleSchema),
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

export type Framework = z.infer<typeof frameworkSchema>;
export type Judgement = z.infer<typeof judgementSchema>;
export type Criterion = z.infer<typeof criterionSchema>;

export class FrameworkError extends Error {}

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
