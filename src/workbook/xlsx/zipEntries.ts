import { inflateRawSync } from "node:zlib";

/**
 * The files inside a .zip archive (an .xlsx file is one), read from its central directory and inflated
 * only when asked for. Enough of the format for the .xlsx files spreadsheet programs write: stored and
 * deflated entries, no encryption, no ZIP64. `null` for an archive it cannot read, so the caller can hand
 * the file to ExcelJS, whose messages say what is wrong with it.
 */
export interface ZipEntries {
  names(): string[];
  /** The entry's bytes, or undefined when there is no such entry. */
  read(name: string): Buffer | undefined;
}

const END_OF_DIRECTORY = 0x06054b50;
const DIRECTORY_ENTRY = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;

export function zipEntries(bytes: Buffer): ZipEntries | null {
  // The end-of-directory record is the last 22 bytes, unless a comment (at most 64 KB) follows it.
  let end = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (bytes.readUInt32LE(i) === END_OF_DIRECTORY) {
      end = i;
      break;
    }
  }
  if (end < 0) return null;
  const count = bytes.readUInt16LE(end + 10);
  let at = bytes.readUInt32LE(end + 16);
  if (count === 0xffff || at === 0xffffffff) return null;
  const entries = new Map<string, { method: number; size: number; header: number }>();
  for (let n = 0; n < count; n++) {
    if (at + 46 > bytes.length || bytes.readUInt32LE(at) !== DIRECTORY_ENTRY) return null;
    const flags = bytes.readUInt16LE(at + 8);
    const method = bytes.readUInt16LE(at + 10);
    const size = bytes.readUInt32LE(at + 20);
    const nameLength = bytes.readUInt16LE(at + 28);
    const extraLength = bytes.readUInt16LE(at + 30);
    const commentLength = bytes.readUInt16LE(at + 32);
    const header = bytes.readUInt32LE(at + 42);
    const name = bytes.toString("utf8", at + 46, at + 46 + nameLength);
    if (flags & 1 || (method !== 0 && method !== 8) || size === 0xffffffff || header === 0xffffffff) return null;
    entries.set(name, { method, size, header });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return {
    names: () => [...entries.keys()],
    read(name) {
      const entry = entries.get(name);
      if (!entry) return undefined;
      const { header, method, size } = entry;
      if (header + 30 > bytes.length || bytes.readUInt32LE(header) !== LOCAL_HEADER) throw new Error("bad zip entry");
      const start = header + 30 + bytes.readUInt16LE(header + 26) + bytes.readUInt16LE(header + 28);
      const data = bytes.subarray(start, start + size);
      return method === 0 ? data : inflateRawSync(data);
    },
  };
}
