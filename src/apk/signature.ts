/**
 * Which signature schemes an APK carries. Android refuses to install an APK without one (PackageManager's
 * INSTALL_PARSE_FAILED_NO_CERTIFICATES), so an unsigned build is stopped before it is uploaded. This checks that a
 * signature is there, not that it verifies: the phone does that.
 *
 * Formats, from the Android Open Source Project's "APK Signature Scheme v2" and "v3" pages
 * (source.android.com/docs/security/features/apksigning/v2, /v3) and apksig's V3SchemeConstants:
 * - v2, v3 and v3.1 live in the APK Signing Block, right before the zip central directory:
 *   uint64 size, ID-value pairs (uint64 length, uint32 ID, value), uint64 size again, then the 16 bytes
 *   "APK Sig Block 42". The size counts everything after the first size field.
 * - v1 is JAR signing: META-INF/NAME.SF with its signature block file META-INF/NAME.RSA, .DSA or .EC.
 */
import { open } from 'node:fs/promises';
import { readZipDirectory, ZipReadError } from './zip.js';

export type SignatureScheme = 'v1' | 'v2' | 'v3' | 'v3.1';

const BLOCK_IDS = new Map<number, SignatureScheme>([
  [0x7109871a, 'v2'],
  [0xf05368c0, 'v3'],
  [0x1b93ad61, 'v3.1'],
]);
const MAGIC = Buffer.from('APK Sig Block 42', 'latin1');
/** The trailing size field and the magic. */
const FOOTER_BYTES = 8 + 16;
/** Real blocks hold a few certificates and signatures (a few KB, padded to 4 KB); this bounds what is read. */
const MAX_BLOCK_BYTES = 16 * 1024 * 1024;

const V1_SIGNATURE_FILE = /^META-INF\/([^/]+)\.SF$/i;
const V1_BLOCK_FILE = /^META-INF\/([^/]+)\.(RSA|DSA|EC)$/i;

/**
 * The schemes found, in the order v2, v3, v3.1, v1; empty for an unsigned APK. The zip's entries are walked for
 * v1 only when the signing block holds no signature. Throws ZipReadError for a file that is not a readable zip or
 * a signing block whose sizes do not add up (Android refuses such an APK too).
 */
export async function signatureSchemes(path: string): Promise<SignatureScheme[]> {
  const { centralDirectoryOffset } = await readZipDirectory(path);
  const schemes = await signingBlockSchemes(path, centralDirectoryOffset);
  if (schemes.length > 0) return schemes;
  const { names } = await readZipDirectory(path, (name) => name.startsWith('META-INF/'));
  return hasV1Signature(names) ? ['v1'] : [];
}

function hasV1Signature(names: string[]): boolean {
  const signatureFiles = new Set(
    names.map((name) => V1_SIGNATURE_FILE.exec(name)?.[1]?.toUpperCase()).filter(Boolean),
  );
  return names.some((name) => {
    const base = V1_BLOCK_FILE.exec(name)?.[1]?.toUpperCase();
    return base !== undefined && signatureFiles.has(base);
  });
}

async function signingBlockSchemes(path: string, centralDirectoryOffset: number): Promise<SignatureScheme[]> {
  if (centralDirectoryOffset < FOOTER_BYTES + 8) return [];
  const file = await open(path, 'r').catch((error: Error) => {
    throw new ZipReadError(error.message, { cause: error });
  });
  try {
    const footer = Buffer.alloc(FOOTER_BYTES);
    await file.read(footer, 0, FOOTER_BYTES, centralDirectoryOffset - FOOTER_BYTES);
    if (!footer.subarray(8).equals(MAGIC)) return [];
    const damaged = (why: string): never => {
      throw new ZipReadError(`its APK Signing Block is damaged: ${why}`);
    };
    const size = footer.readBigUInt64LE(0);
    if (size < BigInt(FOOTER_BYTES) || size + 8n > BigInt(centralDirectoryOffset)) {
      damaged(`its size (${size} bytes) does not fit before the central directory`);
    }
    if (size > BigInt(MAX_BLOCK_BYTES))
      damaged(`it is ${size} bytes, more than the ${MAX_BLOCK_BYTES} accepted`);
    const start = centralDirectoryOffset - Number(size) - 8;
    // The leading size field and the pairs; the footer is already read.
    const block = Buffer.alloc(Number(size) + 8 - FOOTER_BYTES);
    await file.read(block, 0, block.length, start);
    if (block.readBigUInt64LE(0) !== size) damaged('its two size fields differ');
    const schemes = new Set<SignatureScheme>();
    // Each pair advances by at least 12 bytes, so the walk ends within the block.
    for (let at = 8; at < block.length;) {
      if (block.length - at < 12) damaged(`a pair at byte ${at} is cut short`);
      const length = block.readBigUInt64LE(at);
      if (length < 4n || length > BigInt(block.length - at - 8)) {
        damaged(`a pair at byte ${at} claims ${length} bytes`);
      }
      const scheme = BLOCK_IDS.get(block.readUInt32LE(at + 8));
      if (scheme) schemes.add(scheme);
      at += 8 + Number(length);
    }
    return [...BLOCK_IDS.values()].filter((scheme) => schemes.has(scheme));
  } catch (error) {
    if (error instanceof ZipReadError) throw error;
    throw new ZipReadError((error as Error).message, { cause: error });
  } finally {
    await file.close();
  }
}
