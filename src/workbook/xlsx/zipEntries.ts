import { inflateRawSync } from "node:zlib";
import { zipDirectory } from "./zipDirectory";

/**
 * The files inside a .zip archive, inflated in Node only when asked for (see zipDirectory.ts for what
 * it reads). `null` for an archive it cannot read, so the caller can hand the file to ExcelJS, whose
 * messages say what is wrong with it.
 */
export interface ZipEntries {
  names(): string[];
  /** The entry's bytes, or undefined when there is no such entry. */
  read(name: string): Buffer | undefined;
}

export function zipEntries(bytes: Buffer): ZipEntries | null {
  const directory = zipDirectory(bytes);
  if (!directory) return null;
  return {
    names: () => directory.names(),
    read(name) {
      const entry = directory.entry(name);
      if (!entry) return undefined;
      const data = Buffer.from(entry.data.buffer, entry.data.byteOffset, entry.data.byteLength);
      return entry.method === 0 ? data : inflateRawSync(data);
    },
  };
}
