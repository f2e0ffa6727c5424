/**
 * Android binary XML ("AXML"), the compiled form of AndroidManifest.xml inside an APK. Layout as in AOSP's
 * frameworks/base/libs/androidfw/include/androidfw/ResourceTypes.h (all little-endian):
 *
 *   ResChunk_header      u16 type, u16 headerSize, u32 size            every chunk starts with one
 *   RES_XML_TYPE         the whole file: header, then child chunks
 *   RES_STRING_POOL_TYPE u32 stringCount, styleCount, flags (UTF8_FLAG 0x100), stringsStart, stylesStart,
 *                        then u32 offsets; UTF-16 strings: u16 length (0x8000 = one more u16), units, u16 0;
 *                        UTF-8 strings: UTF-16 length (1-2 bytes), UTF-8 byte length (1-2 bytes), bytes, 0
 *   RES_XML_RESOURCE_MAP u32 resource ids, one per attribute-name string index (android:versionName is 0x0101021c)
 *   RES_XML_START_ELEMENT node header (line, comment), then u32 ns, name, u16 attributeStart, attributeSize,
 *                        attributeCount, ...; each attribute: u32 ns, name, rawValue, Res_value (u16 size, u8 0,
 *                        u8 dataType, u32 data)
 *
 * Every offset and length is checked against the buffer: a malformed file raises AxmlError, never reads outside it.
 */

export class AxmlError extends Error {
  override name = 'AxmlError';
}

export const ChunkType = {
  StringPool: 0x0001,
  Xml: 0x0003,
  XmlStartNamespace: 0x0100,
  XmlEndNamespace: 0x0101,
  XmlStartElement: 0x0102,
  XmlEndElement: 0x0103,
  XmlCdata: 0x0104,
  XmlResourceMap: 0x0180,
} as const;

/** Res_value data types (the ones we interpret; colours, dimensions and the like are carried as raw data). */
export const ValueType = {
  Null: 0x00,
  Reference: 0x01,
  Attribute: 0x02,
  String: 0x03,
  Float: 0x04,
  DynamicReference: 0x07,
  DynamicAttribute: 0x08,
  IntDec: 0x10,
  IntHex: 0x11,
  IntBoolean: 0x12,
} as const;

/** "No string" in any string reference. */
export const NO_ENTRY = 0xffffffff;

const UTF8_FLAG = 0x100;
const CHUNK_HEADER_SIZE = 8;
const STRING_POOL_HEADER_SIZE = 28;
const NODE_HEADER_SIZE = 16;
const ATTR_EXT_SIZE = 20;
const ATTRIBUTE_SIZE = 20;

interface Chunk {
  type: number;
  headerSize: number;
  /** Offset of the chunk in the buffer. */
  start: number;
  /** Offset just past the chunk. */
  end: number;
}

function readChunk(buf: Buffer, start: number, limit: number, what: string): Chunk {
  if (start + CHUNK_HEADER_SIZE > limit) throw new AxmlError(`${what} at byte ${start} is truncated`);
  const type = buf.readUInt16LE(start);
  const headerSize = buf.readUInt16LE(start + 2);
  const size = buf.readUInt32LE(start + 4);
  if (headerSize < CHUNK_HEADER_SIZE || size < headerSize || start + size > limit) {
    throw new AxmlError(
      `${what} at byte ${start} (type 0x${type.toString(16)}) has an invalid size (header ${headerSize}, chunk ${size}, ${limit - start} bytes left)`,
    );
  }
  return { type, headerSize, start, end: start + size };
}

/** A string pool chunk; strings are decoded on first use (a large manifest's pool can hold thousands). */
export class StringPool {
  readonly count: number;
  readonly utf8: boolean;
  private readonly offsetsAt: number;
  private readonly stringsStart: number;
  private readonly stringsEnd: number;
  private readonly cache = new Map<number, string>();

  constructor(
    private readonly buf: Buffer,
    chunk: Chunk,
  ) {
    if (chunk.headerSize < STRING_POOL_HEADER_SIZE)
      throw new AxmlError('the string pool header is too short');
    const at = chunk.start;
    this.count = buf.readUInt32LE(at + 8);
    const styleCount = buf.readUInt32LE(at + 12);
    this.utf8 = (buf.readUInt32LE(at + 16) & UTF8_FLAG) !== 0;
    const stringsStart = buf.readUInt32LE(at + 20);
    const stylesStart = buf.readUInt32LE(at + 24);
    this.offsetsAt = at + chunk.headerSize;
    if (this.offsetsAt + this.count * 4 > chunk.end)
      throw new AxmlError('the string pool offsets overrun the chunk');
    this.stringsStart = at + stringsStart;
    this.stringsEnd = styleCount > 0 && stylesStart > stringsStart ? at + stylesStart : chunk.end;
    if (this.count > 0 && (this.stringsStart < this.offsetsAt || this.stringsEnd > chunk.end)) {
      throw new AxmlError('the string pool data lies outside its chunk');
    }
  }

  /** The string at `index`, or undefined for NO_ENTRY. Throws AxmlError for an index or string out of bounds. */
  get(index: number): string | undefined {
    if (index === NO_ENTRY) return undefined;
    if (index >= this.count)
      throw new AxmlError(`string index ${index} is out of range (pool of ${this.count})`);
    const cached = this.cache.get(index);
    if (cached !== undefined) return cached;
    const at = this.stringsStart + this.buf.readUInt32LE(this.offsetsAt + index * 4);
    const value = this.utf8 ? this.readUtf8(at, index) : this.readUtf16(at, index);
    this.cache.set(index, value);
    return value;
  }

  private need(at: number, bytes: number, index: number): void {
    if (at < this.stringsStart || at + bytes > this.stringsEnd) {
      throw new AxmlError(`string ${index} runs outside the string pool`);
    }
  }

  private readUtf16(at: number, index: number): string {
    this.need(at, 2, index);
    let length = this.buf.readUInt16LE(at);
    at += 2;
    if (length & 0x8000) {
      this.need(at, 2, index);
      length = ((length & 0x7fff) << 16) | this.buf.readUInt16LE(at);
      at += 2;
    }
    this.need(at, length * 2, index);
    return this.buf.toString('utf16le', at, at + length * 2);
  }

  private readUtf8(at: number, index: number): string {
    // First the length in UTF-16 units (unused: we decode the bytes), then the length in bytes.
    at += this.readUtf8Length(at, index).size;
    const { value: byteLength, size } = this.readUtf8Length(at, index);
    at += size;
    this.need(at, byteLength, index);
    return this.buf.toString('utf8', at, at + byteLength);
  }

  private readUtf8Length(at: number, index: number): { value: number; size: number } {
    this.need(at, 1, index);
    const first = this.buf.readUInt8(at);
    if ((first & 0x80) === 0) return { value: first, size: 1 };
    this.need(at, 2, index);
    return { value: ((first & 0x7f) << 8) | this.buf.readUInt8(at + 1), size: 2 };
  }
}

export interface AxmlAttribute {
  /** Namespace URI, undefined when the attribute has none (e.g. the manifest's `package`). */
  namespace?: string;
  name: string;
  /** Android attribute resource id from the resource map (android:versionName is 0x0101021c), when there is one. */
  resourceId?: number;
  /** The attribute's original text, which aapt keeps for string values. */
  rawValue?: string;
  /** Res_value dataType (see ValueType) and its 32-bit data (a string index for ValueType.String). */
  type: number;
  data: number;
  /** The string for ValueType.String. */
  string?: string;
}

export interface AxmlElement {
  namespace?: string;
  name: string;
  attributes: AxmlAttribute[];
}

/**
 * The start elements of a binary XML document, in document order, decoded lazily: stop iterating after the
 * first and nothing past it is parsed. Throws AxmlError on anything malformed it has to read.
 */
export function* startElements(buf: Buffer): Generator<AxmlElement> {
  // AOSP ResXMLTree::setTo checks the header's sizes only, never its type: an APK whose first chunk has
  // another type still installs, so it is read the same way here (the chunk type is not checked).
  let root: Chunk;
  try {
    root = readChunk(buf, 0, buf.length, 'the document header');
  } catch (error) {
    if (buf.length >= 1 && buf[0] === 0x3c /* '<' */) {
      throw new AxmlError('it is plain-text XML, not the compiled binary XML an APK holds');
    }
    throw error;
  }
  let pool: StringPool | undefined;
  let resourceMap: Uint32Array | undefined;
  for (let at = root.start + root.headerSize; at < root.end;) {
    const chunk = readChunk(buf, at, root.end, 'a chunk');
    at = chunk.end;
    if (chunk.type === ChunkType.StringPool) {
      // Like Android's parser, the first string pool is the document's.
      pool ??= new StringPool(buf, chunk);
    } else if (chunk.type === ChunkType.XmlResourceMap) {
      resourceMap ??= readResourceMap(buf, chunk);
    } else if (chunk.type === ChunkType.XmlStartElement) {
      if (!pool) throw new AxmlError('an element comes before the string pool');
      yield readStartElement(buf, chunk, pool, resourceMap);
    }
  }
}

function readResourceMap(buf: Buffer, chunk: Chunk): Uint32Array {
  const count = Math.floor((chunk.end - chunk.start - chunk.headerSize) / 4);
  const ids = new Uint32Array(count);
  for (let i = 0; i < count; i++) ids[i] = buf.readUInt32LE(chunk.start + chunk.headerSize + i * 4);
  return ids;
}

function readStartElement(
  buf: Buffer,
  chunk: Chunk,
  pool: StringPool,
  resourceMap: Uint32Array | undefined,
): AxmlElement {
  if (chunk.headerSize < NODE_HEADER_SIZE) throw new AxmlError('an element node header is too short');
  const ext = chunk.start + chunk.headerSize;
  if (ext + ATTR_EXT_SIZE > chunk.end) throw new AxmlError('an element chunk is truncated');
  const name = pool.get(buf.readUInt32LE(ext + 4));
  if (name === undefined) throw new AxmlError('an element has no name');
  const attributeStart = buf.readUInt16LE(ext + 8);
  const attributeSize = buf.readUInt16LE(ext + 10);
  const attributeCount = buf.readUInt16LE(ext + 12);
  if (attributeCount > 0 && attributeSize < ATTRIBUTE_SIZE)
    throw new AxmlError('attribute records are too short');
  if (ext + attributeStart + attributeCount * attributeSize > chunk.end) {
    throw new AxmlError(`the attributes of <${name}> overrun its chunk`);
  }
  const attributes: AxmlAttribute[] = [];
  for (let i = 0; i < attributeCount; i++) {
    const at = ext + attributeStart + i * attributeSize;
    const nameIndex = buf.readUInt32LE(at + 4);
    const attributeName = pool.get(nameIndex);
    if (attributeName === undefined) throw new AxmlError(`an attribute of <${name}> has no name`);
    const type = buf.readUInt8(at + 15);
    const data = buf.readUInt32LE(at + 16);
    const resourceId = resourceMap && nameIndex < resourceMap.length ? resourceMap[nameIndex] : undefined;
    attributes.push({
      namespace: pool.get(buf.readUInt32LE(at)),
      name: attributeName,
      resourceId: resourceId || undefined,
      rawValue: pool.get(buf.readUInt32LE(at + 8)),
      type,
      data,
      string: type === ValueType.String ? pool.get(data) : undefined,
    });
  }
  return { namespace: pool.get(buf.readUInt32LE(ext)), name, attributes };
}
