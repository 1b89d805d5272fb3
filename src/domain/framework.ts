import type { z } from "zod";
import type {
  confidenceSchema,
  criterionSchema,
  frameworkSchema,
  judgementSchema,
  projectionSchema,
} from "./frameworkSchema";
import { UserError } from "./userError";

/*
 * What a framework is, as the rest of the product uses it. Its schema, and the zod it needs, are in
 * frameworkSchema.ts, loaded only where a framework file is read; these types come from it at compile time.
 */

/**
 * How sure we are of a fact. Frameworks are public documents, but some facts (a linking rule, a notice
 * period) are only inferred or recalled; those ship as "unconfirmed" and the pane and CLI say so.
 */
export type Confidence = z.infer<typeof confidenceSchema>;
export type Framework = z.infer<typeof frameworkSchema>;
/** A framework as its data is written (a built-in module, a council's file): the lists it may leave out are empty when parsed. */
export type FrameworkData = z.input<typeof frameworkSchema>;
export type Judgement = z.infer<typeof judgementSchema>;
export type Criterion = z.infer<typeof criterionSchema>;
export type ProjectionSettings = z.infer<typeof projectionSchema>;

export class FrameworkError extends UserError {}
