/**
 * Just enough of the zip format for the CLI to read an .xlsx package's structure and to write one:
 * the central directory is parsed and checked up front, so a truncated or damaged file is an error
 * before any cell is read, and a package is rewritten by copying each kept part's compressed bytes
 * as they are (the part stays byte-identical) and deflating only the parts the CLI writes.
 * Node's zlib does the deflating and the CRC-32. Zip64 archives (over 4 GB) are refused.
 */
import { closeSync, writeSync } from "node:fs";
import { crc32, createDeflateRaw, deflateRawSync, inflateRawSync } from "node:zlib";

export class ZipError extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = "ZipError";
  }
}

export interface ZipEntry {
  readonly name: string;
  readonly method: number;
  readonly flags: number;
  readonly crc: number;
  readonly compressedSize: number;
  readonly size: number;
  readonly time: number;
  readonly date: number;
  /** Offset of the compressed data in the archive. */
  readonly dataOffset: number;
}

export interface ZipArchive {
  readonly bytes: Buffer;
  readonly entries: readonly ZipEntry[];
  readonly byName: ReadonlyMap<string, ZipEntry>;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

/**
 * Parse the central directory of `bytes`, checking that every entry's local header and data lie
 * inside the file. Throws a ZipError whose message is the reason, e.g. "truncated".
 */
export function readZip(bytes: Buffer): ZipArchive {
  if (bytes.length === 0) throw new ZipError("the file is empty");
  if (bytes.length < 22 || bytes.readUInt32LE(0) !== LOCAL) throw new ZipError("not a zip archive");
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 65535); i--) {
    if (bytes.readUInt32LE(i) === EOCD && i + 22 + bytes.readUInt16LE(i + 20) === bytes.length) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new ZipError("the zip archive is truncated or damaged (no end of central directory)");
  const count = bytes.readUInt16LE(eocd + 10);
  const cdSize = bytes.readUInt32LE(eocd + 12);
  const cdOffset = bytes.readUInt32LE(eocd + 16);
  if (count === 0xffff || cdOffset === 0xffffffff) throw new ZipError("zip64 archives are not supported");
  if (cdOffset + cdSize > eocd) throw new ZipError("the zip archive is truncated or damaged (central directory out of range)");
  const entries: ZipEntry[] = [];
  let p = cdOffset;
  for (let k = 0; k < count; k++) {
    if (p + 46 > eocd || bytes.readUInt32LE(p) !== CENTRAL) throw new ZipError("the zip archive is damaged (bad central directory entry)");
    const nameLength = bytes.readUInt16LE(p + 28);
    const extraLength = bytes.readUInt16LE(p + 30);
    const commentLength = bytes.readUInt16LE(p + 32);
    const localOffset = bytes.readUInt32LE(p + 42);
    const name = bytes.toString("utf8", p + 46, p + 46 + nameLength);
    const compressedSize = bytes.readUInt32LE(p + 20);
    if (localOffset + 30 > cdOffset || bytes.readUInt32LE(localOffset) !== LOCAL) throw new ZipError(`the zip archive is damaged (no local header for ${name})`);
    const dataOffset = localOffset + 30 + bytes.readUInt16LE(localOffset + 26) + bytes.readUInt16LE(localOffset + 28);
    if (dataOffset + compressedSize > cdOffset) throw new ZipError(`the zip archive is truncated or damaged (${name} runs past the end of its data)`);
    const method = bytes.readUInt16LE(p + 10);
    if (method !== 0 && method !== 8) throw new ZipError(`${name} uses an unsupported compression method (${method})`);
    entries.push({
      name,
      method,
      flags: bytes.readUInt16LE(p + 8),
      time: bytes.readUInt16LE(p + 12),
      date: bytes.readUInt16LE(p + 14),
      crc: bytes.readUInt32LE(p + 16),
      compressedSize,
      size: bytes.readUInt32LE(p + 24),
      dataOffset,
    });
    p += 46 + nameLength + extraLength + commentLength;
  }
  if ((entries[0]?.flags ?? 0) & 1) throw new ZipError("the workbook is encrypted");
  return { bytes, entries, byName: new Map(entries.map((e) => [e.name, e])) };
}

/** The uncompressed content of an entry, checked against its size and CRC-32. */
export function entryData(zip: ZipArchive, entry: ZipEntry): Buffer {
  const raw = zip.bytes.subarray(entry.dataOffset, entry.dataOffset + entry.compressedSize);
  let data: Buffer;
  try {
    data = entry.method === 0 ? raw : inflateRawSync(raw);
  } catch (e) {
    throw new ZipError(`${entry.name} is damaged (${e instanceof Error ? e.message : String(e)})`);
  }
  if (data.length !== entry.size || crc32(data) !== entry.crc) throw new ZipError(`${entry.name} is damaged (checksum mismatch)`);
  return data;
}

export function entryText(zip: ZipArchive, name: string): string | undefined {
  const entry = zip.byName.get(name);
  return entry === undefined ? undefined : entryData(zip, entry).toString("utf8");
}

interface Written {
  name: Buffer;
  method: number;
  time: number;
  date: number;
  crc: number;
  compressedSize: number;
  size: number;
  offset: number;
}

/** 1980-01-01 00:00 in DOS format: new parts get a fixed time so that the same run writes the same bytes. */
const DOS_TIME = 0;
const DOS_DATE = 0x21;
/** Bit 11: the name is UTF-8. */
const UTF8 = 0x800;

/** Writes a zip archive to an open file descriptor, part by part, then the central directory. */
export class ZipWriter {
  private position = 0;
  private readonly written: Written[] = [];

  constructor(private readonly fd: number) {}

  private write(buf: Buffer, at = this.position): void {
    let done = 0;
    while (done < buf.length) done += writeSync(this.fd, buf, done, buf.length - done, at + done);
    if (at === this.position) this.position += buf.length;
  }

  private header(w: Written): Buffer {
    const h = Buffer.alloc(30);
    h.writeUInt32LE(LOCAL, 0);
    h.writeUInt16LE(20, 4);
    h.writeUInt16LE(UTF8, 6);
    h.writeUInt16LE(w.method, 8);
    h.writeUInt16LE(w.time, 10);
    h.writeUInt16LE(w.date, 12);
    h.writeUInt32LE(w.crc >>> 0, 14);
    h.writeUInt32LE(w.compressedSize, 18);
    h.writeUInt32LE(w.size, 22);
    h.writeUInt16LE(w.name.length, 26);
    h.writeUInt16LE(0, 28);
    return Buffer.concat([h, w.name]);
  }

  /** Copy an entry of another archive: its compressed bytes unchanged, so its content stays byte-identical. */
  copy(zip: ZipArchive, entry: ZipEntry): void {
    const w: Written = { name: Buffer.from(entry.name, "utf8"), method: entry.method, time: entry.time, date: entry.date, crc: entry.crc, compressedSize: entry.compressedSize, size: entry.size, offset: this.position };
    this.write(this.header(w));
    this.write(zip.bytes.subarray(entry.dataOffset, entry.dataOffset + entry.compressedSize));
    this.written.push(w);
  }

  /** A new part from a buffer or text. */
  add(name: string, content: Buffer | string): void {
    const data = typeof content === "string" ? Buffer.from(content, "utf8") : content;
    const compressed = deflateRawSync(data);
    const w: Written = { name: Buffer.from(name, "utf8"), method: 8, time: DOS_TIME, date: DOS_DATE, crc: crc32(data), compressedSize: compressed.length, size: data.length, offset: this.position };
    if (data.length > 0xfffffffe || compressed.length > 0xfffffffe) throw new ZipError(`${name} is too large for a zip archive without zip64`);
    this.write(this.header(w));
    this.write(compressed);
    this.written.push(w);
  }

  /** A new part from chunks of text or UTF-8 bytes, deflated as they come (a large sheet never sits in memory whole). */
  async addChunks(name: string, chunks: Iterable<string | Uint8Array>): Promise<void> {
    const w: Written = { name: Buffer.from(name, "utf8"), method: 8, time: DOS_TIME, date: DOS_DATE, crc: 0, compressedSize: 0, size: 0, offset: this.position };
    const headerAt = this.position;
    this.write(this.header(w)); // rewritten with the sizes and CRC once known
    // Level 1: a large journal sheet compresses three times faster than at the default level 6,
    // for a file about a fifth larger. The output buffer holds a whole chunk's deflated bytes, so
    // each chunk is one job on libuv's thread pool: it is deflated there while this thread makes the
    // next chunk's XML (with 16 KB buffers every 16 KB of output waited for this thread).
    const SIZE = 1 << 20;
    const deflate = createDeflateRaw({ level: 1, chunkSize: SIZE });
    deflate.on("data", (out: Buffer) => {
      this.write(out);
      w.compressedSize += out.length;
    });
    const done = new Promise<void>((resolve, reject) => {
      deflate.on("end", resolve);
      deflate.on("error", reject);
    });
    let crc = 0;
    const send = async (data: Uint8Array): Promise<void> => {
      crc = crc32(data, crc);
      w.size += data.length;
      deflate.write(data);
      // At most a few chunks wait for the thread pool; otherwise yield once, so that a finished
      // deflate job is taken and the next queued chunk starts while this thread goes on.
      if (deflate.writableLength > 4 * SIZE) await new Promise<void>((resolve) => deflate.once("drain", resolve));
      else await new Promise<void>((resolve) => setImmediate(resolve));
    };
    // Each chunk is encoded into the buffer as it comes, while it is still in the cache (joining
    // a megabyte of row strings first and encoding that cost more than all the rest of writing).
    let buf = Buffer.allocUnsafe(SIZE);
    let used = 0;
    const flush = async (): Promise<void> => {
      if (used === 0) return;
      const out = buf.subarray(0, used);
      buf = Buffer.allocUnsafe(SIZE);
      used = 0;
      await send(out);
    };
    try {
      for (const chunk of chunks) {
        if (typeof chunk !== "string") {
          // Bytes made by the caller are passed on as they are (the caller gives up the buffer).
          await flush();
          if (chunk.length > 0) await send(chunk);
          continue;
        }
        // A UTF-16 code unit takes at most 3 bytes in UTF-8.
        if (used + chunk.length * 3 > SIZE) await flush();
        if (chunk.length * 3 > SIZE) await send(Buffer.from(chunk, "utf8"));
        else used += buf.write(chunk, used, "utf8");
      }
      await flush();
    } catch (e) {
      // The chunks failed (e.g. a sheet past Excel's rows): the caller closes the file, so a chunk
      // still on the thread pool must not write to it afterwards.
      deflate.removeAllListeners("data");
      done.catch(() => undefined);
      deflate.destroy();
      throw e;
    }
    deflate.end();
    await done;
    if (w.size > 0xfffffffe || w.compressedSize > 0xfffffffe) throw new ZipError(`${name} is too large for a zip archive without zip64`);
    w.crc = crc;
    this.write(this.header(w), headerAt);
    this.written.push(w);
  }

  /** Write the central directory; the file descriptor is closed by the caller. */
  finish(): void {
    const start = this.position;
    for (const w of this.written) {
      const c = Buffer.alloc(46);
      c.writeUInt32LE(CENTRAL, 0);
      c.writeUInt16LE(20, 4);
      c.writeUInt16LE(20, 6);
      c.writeUInt16LE(UTF8, 8);
      c.writeUInt16LE(w.method, 10);
      c.writeUInt16LE(w.time, 12);
      c.writeUInt16LE(w.date, 14);
      c.writeUInt32LE(w.crc >>> 0, 16);
      c.writeUInt32LE(w.compressedSize, 20);
      c.writeUInt32LE(w.size, 24);
      c.writeUInt16LE(w.name.length, 28);
      c.writeUInt32LE(w.offset, 42);
      this.write(Buffer.concat([c, w.name]));
    }
    if (this.written.length > 0xfffe || this.position > 0xfffffffe) throw new ZipError("the workbook is too large for a zip archive without zip64");
    const e = Buffer.alloc(22);
    e.writeUInt32LE(EOCD, 0);
    e.writeUInt16LE(this.written.length, 8);
    e.writeUInt16LE(this.written.length, 10);
    e.writeUInt32LE(this.position - start, 12);
    e.writeUInt32LE(start, 16);
    this.write(e);
  }

  close(): void {
    closeSync(this.fd);
  }
}
