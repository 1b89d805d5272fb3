import type { Framework } from "../../domain/framework";
import { errorMessage } from "../useWorkbookSession";

/** A council's framework file is a few hundred kilobytes at most; anything far larger is not one. */
const MAX_BYTES = 5 * 1024 * 1024;

export type LoadedFramework = { ok: true; framework: Framework } | { ok: false; error: string };

/**
 * Reads a council's own framework (a JSON file) in the page, with FileReader: it never leaves the
 * computer. The result is checked against the same schema as the built-in frameworks, whose messages
 * name the JSON path of each problem (for example `$.judgements[0].criteria[2].ref`).
 */
export async function loadFrameworkFile(file: File): Promise<LoadedFramework> {
  if (file.size > MAX_BYTES) {
    return { ok: false, error: `${file.name} is too large to be a framework file (over 5 MB).` };
  }
  let text: string;
  try {
    text = await readText(file);
  } catch (error) {
    return { ok: false, error: `${file.name} could not be read: ${errorMessage(error)}` };
  }
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (error) {
    return {
      ok: false,
      error: `${file.name} is not JSON (${errorMessage(error)}). A framework file is the JSON text of a framework, as the built-in ones are written.`,
    };
  }
  try {
    // The schema (and zod) load with the first framework file a user loads, not with the pane.
    const { parseFramework } = await import(/* webpackChunkName: "framework-schema" */ "../../domain/frameworkSchema");
    return { ok: true, framework: parseFramework(data, file.name) };
  } catch (error) {
    return { ok: false, error: errorMessage(error) };
  }
}

function readText(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(typeof reader.result === "string" ? reader.result : "");
    reader.onerror = () => reject(reader.error ?? new Error("the browser could not read the file"));
    reader.readAsText(file);
  });
}
