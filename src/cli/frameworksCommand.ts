import { builtInFrameworks } from "../domain/frameworks";
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
      description: "Print them as JSON: id, version, name, judgements, confidence, inspectorate and country.",
    },
  },
  run(args, output) {
    const rows = builtInFrameworks().map((f) => ({
      id: f.id,
      version: f.version,
      name: f.name,
      judgements: f.judgements.map((j) => ({ id: j.id, name: j.name, kind: j.kind, criteria: j.criteria.length })),
      confidence: f.confidence,
      inspectorate: f.inspectorate,
      country: f.country,
    }));
    if (args.values.json) {
      output.out(JSON.stringify(rows, null, 2));
      return EXIT_OK;
    }
    for (const row of rows) {
      const flag =
        row.confidence === "confirmed" ? "" : ` — ${row.confidence}: some facts are not confirmed by a source`;
      output.out(`${row.id}  (version ${row.version})  ${row.name}; ${row.judgements.length} judgements${flag}`);
    }
    return EXIT_OK;
  },
});
