import { builtInFrameworks, inForceWords, isInForce, isoDay } from "../domain/frameworks";
import { defineCommand } from "./command";
import { EXIT_OK } from "./output";

/** `inspection-ready frameworks [--json]`: the frameworks this version carries. */
export const frameworksCommand = defineCommand({
  name: "frameworks",
  summary: "List the inspection frameworks this version carries.",
  usage: "[--json]",
  description: "",
  options: {
    json: {
      type: "boolean",
      description:
        "Print them as JSON: id, version, name, judgements, confidence, inspectorate, country, the dates each is in force (inForceFrom, inForceTo) and whether it is in force today (inForce).",
    },
  },
  run(args, output, now) {
    const today = isoDay(now);
    // In force first, then the past ones, newest first: what a council prepares against comes first.
    const frameworks = [...builtInFrameworks()].sort(
      (a, b) => Number(isInForce(b, today)) - Number(isInForce(a, today)),
    );
    const rows = frameworks.map((f) => ({
      id: f.id,
      version: f.version,
      name: f.name,
      judgements: f.judgements.map((j) => ({ id: j.id, name: j.name, kind: j.kind, criteria: j.criteria.length })),
      confidence: f.confidence,
      inspectorate: f.inspectorate,
      country: f.country,
      inForceFrom: f.inForceFrom,
      inForceTo: f.inForceTo ?? null,
      inForce: isInForce(f, today),
    }));
    if (args.values.json) {
      output.out(JSON.stringify(rows, null, 2));
      return EXIT_OK;
    }
    for (const row of rows) {
      const flag =
        row.confidence === "confirmed" ? "" : ` — ${row.confidence}: some facts are not confirmed by a source`;
      const when = row.inForce ? "in force" : `past: ${inForceWords(row.inForceFrom, row.inForceTo)}`;
      output.out(
        `${row.id}  (version ${row.version})  ${row.name}; ${row.judgements.length} judgements; ${when}${flag}`,
      );
    }
    return EXIT_OK;
  },
});
