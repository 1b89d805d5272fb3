import { execFile } from "node:child_process";
import { existsSync, promises as fs, readdirSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { UserError } from "../domain/userError";

/**
 * LibreOffice, where the user has it, to turn a workbook into PDF (and other formats) without Excel. It is
 * found on the usual paths of each system, or where INSPECTION_READY_SOFFICE points; it is run headless
 * with a profile of its own in a temporary folder, so it neither disturbs nor waits for a LibreOffice the
 * user has open, and it never writes anything but the converted file.
 */
export class LibreOfficeMissingError extends UserError {
  constructor(what: string) {
    super(
      `${what} needs LibreOffice, which is not installed here. Install it (Debian or Ubuntu: sudo apt-get install libreoffice-calc; Windows and macOS: https://www.libreoffice.org/download) or set INSPECTION_READY_SOFFICE to its soffice program; the .xlsx works without it`,
    );
  }
}

const USUAL_PLACES = [
  "/usr/bin/soffice",
  "/usr/local/bin/soffice",
  "/usr/lib/libreoffice/program/soffice",
  "/opt/libreoffice/program/soffice",
  "/snap/bin/libreoffice",
  "/Applications/LibreOffice.app/Contents/MacOS/soffice",
  "C:\\Program Files\\LibreOffice\\program\\soffice.exe",
  "C:\\Program Files (x86)\\LibreOffice\\program\\soffice.exe",
];

/**
 * The soffice program, or null where LibreOffice is not installed: INSPECTION_READY_SOFFICE when set (a
 * path; one that does not exist means "not installed", which is how the tests see a machine without it),
 * else on the PATH, the usual places, or a versioned folder in /opt (/opt/libreoffice24.8).
 */
export function findLibreOffice(env: NodeJS.ProcessEnv = process.env): string | null {
  const chosen = env.INSPECTION_READY_SOFFICE;
  if (chosen !== undefined) return chosen !== "" && existsSync(chosen) ? chosen : null;
  const onPath = (env.PATH ?? "")
    .split(path.delimiter)
    .filter(Boolean)
    .flatMap((dir) => ["soffice", "soffice.exe", "libreoffice"].map((name) => path.join(dir, name)));
  const inOpt = existsSync("/opt")
    ? readdirSync("/opt")
        .filter((d) => d.toLowerCase().startsWith("libreoffice"))
        .map((d) => path.join("/opt", d, "program", "soffice"))
    : [];
  return [...onPath, ...USUAL_PLACES, ...inOpt].find((place) => existsSync(place)) ?? null;
}

/**
 * Converts `file` to `format` ("pdf", "xlsx") into a new temporary folder and returns the converted
 * file's path; the caller moves it where it belongs and removes the folder.
 */
export async function convertWithLibreOffice(soffice: string, file: string, format: string): Promise<string> {
  const work = await fs.mkdtemp(path.join(os.tmpdir(), "inspection-ready-lo-"));
  const profile = path.join(work, "profile");
  const outDir = path.join(work, "out");
  await fs.mkdir(outDir);
  await new Promise<void>((resolve, reject) => {
    execFile(
      soffice,
      [
        "--headless",
        "--norestore",
        "--nolockcheck",
        `-env:UserInstallation=${pathToFileUrl(profile)}`,
        "--convert-to",
        format,
        "--outdir",
        outDir,
        file,
      ],
      { timeout: 180_000 },
      (error) => (error ? reject(error) : resolve()),
    );
  }).catch((error: Error) => {
    throw new UserError(
      `LibreOffice could not convert ${path.basename(file)} to ${format}: ${error.message.split("\n")[0]}`,
    );
  });
  const converted = path.join(outDir, `${path.basename(file, path.extname(file))}.${format}`);
  if (!existsSync(converted)) {
    throw new UserError(
      `LibreOffice ran but wrote no ${format} for ${path.basename(file)}; open the .xlsx in LibreOffice to see why`,
    );
  }
  return converted;
}

function pathToFileUrl(file: string): string {
  const resolved = path.resolve(file).replace(/\\/g, "/");
  return `file://${resolved.startsWith("/") ? "" : "/"}${encodeURI(resolved)}`;
}

/** Pages in a PDF LibreOffice wrote: its page objects, counted without a PDF library. */
export function pdfPageCount(bytes: Uint8Array): number {
  const text = Buffer.from(bytes).toString("latin1");
  return (text.match(/\/Type\s*\/Page(?![a-zA-Z])/g) ?? []).length;
}

/** Removes the temporary folder a conversion wrote `converted` into. */
export function removeConversion(converted: string): void {
  rmSync(path.dirname(path.dirname(converted)), { recursive: true, force: true });
}
