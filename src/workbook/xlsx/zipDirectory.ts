/**
 * Where each file inside a .zip archive (an .xlsx file is one) lies, read from its central directory,
 * with nothing from Node, so the browser preview's worker and the command line read it alike; inflating
 * is the caller's (zipEntries.ts in Node, zipEntryText in the browser). Enough of the format for the .xlsx
 * files spreadsheet programs write: stored and deflated entries, no encryption, no ZIP64. `null` for an
 * archive it cannot read, so the caller can hand the file to ExcelJS, whose messages say what is wrong.
 */
export interface ZipEntry {
  /** 0 stored, 8 deflated. */
  method: number;
  /** The entry's bytes as stored in the archive (compressed where method is 8). */
  data: Uint8Array;
}

const END_OF_DIRECTORY = 0x06054b50;
const DIRECTORY_ENTRY = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;

export interface ZipDirectory {
  names(): string[];
  /** The entry's stored bytes, or undefined when there is no such entry; throws on a damaged entry. */
  entry(name: string): ZipEntry | undefined;
}

export function zipDirectory(bytes: Uint8Array): ZipDirectory | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const u32 = (at: number) => view.getUint32(at, true);
  const u16 = (at: number) => view.getUint16(at, true);
  // The end-of-directory record is the last 22 bytes, unless a comment (at most 64 KB) follows it.
  let end = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (u32(i) === END_OF_DIRECTORY) {
      end = i;
      break;
    }
  }
  if (end < 0) return null;
  const count = u16(end + 10);
  let at = u32(end + 16);
  if (count === 0xffff || at === 0xffffffff) return null;
  const decoder = new TextDecoder();
  const entries = new Map<string, { method: number; size: number; header: number }>();
  for (let n = 0; n < count; n++) {
    if (at + 46 > bytes.length || u32(at) !== DIRECTORY_ENTRY) return null;
    const flags = u16(at + 8);
    const method = u16(at + 10);
    const size = u32(at + 20);
    const nameLength = u16(at + 28);
    const extraLength = u16(at + 30);
    const commentLength = u16(at + 32);
    const header = u32(at + 42);
    const name = decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength));
    if (flags & 1 || (method !== 0 && method !== 8) || size === 0xffffffff || header === 0xffffffff) return null;
    entries.set(name, { method, size, header });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return {
    names: () => [...entries.keys()],
    entry(name) {
      const found = entries.get(name);
      if (!found) return undefined;
      const { header, method, size } = found;
      if (header + 30 > bytes.length || u32(header) !== LOCAL_HEADER) throw new Error("bad zip entry");
      const start = header + 30 + u16(header + 26) + u16(header + 28);
      return { method, data: bytes.subarray(start, start + size) };
    },
  };
}

/** An entry's text (UTF-8), inflated with the platform's DecompressionStream (browsers, Node 18 and later). */
export async function zipEntryText(zip: ZipDirectory, name: string): Promise<string | undefined> {
  const found = zip.entry(name);
  if (!found) return undefined;
  if (found.method === 0) return new TextDecoder().decode(found.data);
  // A copy: Blob takes only bytes of a plain ArrayBuffer, and the entries read here are small.
  const stream = new Blob([found.data.slice()]).stream().pipeThrough(new DecompressionStream("deflate-raw"));
  return new Response(stream).text();
}
