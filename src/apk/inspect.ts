import { stat } from 'node:fs/promises';
import path from 'node:path';
import { InputError } from '../inputs/errors.js';
// The file's MD5 is read the way an upload's re-run reads it: one implementation, the faster one.
import { hashFile } from '../obs/file.js';
import { wholeMegabytes } from './size.js';
import { APK_PATH_INPUT } from './locate.js';
import { decodeManifest, ManifestError, type ManifestInfo } from './manifest.js';
import { signatureSchemes, type SignatureScheme } from './signature.js';
import { readZipEntry, ZipReadError } from './zip.js';

export interface ApkInfo {
  /** Absolute path of the file. */
  path: string;
  /** Its base name. */
  fileName: string;
  sizeBytes: number;
  /** Whole MB, rounded up (1 byte is 1); one MB is 1024 * 1024 bytes. */
  sizeMb: number;
  /**
   * Lowercase hex, computed by reading the file in chunks; undefined when inspectApk was asked not to hash
   * (the upload hashes the file in the same pass that sends it).
   */
  md5?: string;
  /** The manifest's package attribute. */
  packageName: string;
  /**
   * android:versionName. Undefined when the manifest has none, and when it is a resource reference
   * (`@string/version_name`): resolving that needs resources.arsc, which we do not decode.
   */
  versionName?: string;
  /** android:versionCode, undefined when absent or a resource reference. */
  versionCode?: number;
  /** The signature schemes the file carries (never empty: an unsigned APK is refused). */
  signatures: SignatureScheme[];
}

const MANIFEST_ENTRY = 'AndroidManifest.xml';

/**
 * Everything the install APIs need to know about a local APK, read from the file itself. The manifest is read first
 * (a few KB), so a file that is not an APK fails before a possibly large file is hashed. Throws
 * InputError('apk-path', ...) for a missing or unreadable file, a corrupt zip, a zip without AndroidManifest.xml
 * a manifest that cannot be decoded, or an APK without a signature. With `{ md5: false }` the file is not hashed: only its zip directory and
 * manifest are read (a few KB), and the size comes from the file system.
 */
export async function inspectApk(file: string, options: { md5?: boolean } = {}): Promise<ApkInfo> {
  const absolute = path.resolve(file);
  const fail = (rule: string): never => {
    throw new InputError(APK_PATH_INPUT, rule, absolute);
  };

  const stats = await stat(absolute).catch((error: NodeJS.ErrnoException) =>
    fail(
      error.code === 'ENOENT'
        ? 'names a file that does not exist'
        : `names a file that cannot be read: ${error.message}`,
    ),
  );
  if (!stats.isFile()) fail('must name a file, but it names a directory or a special file');

  const manifestBytes = await readZipEntry(absolute, MANIFEST_ENTRY).catch((error: unknown) => {
    if (!(error instanceof ZipReadError)) throw error;
    return fail(
      `must be an APK, but the file is not a readable zip archive (corrupt or truncated?): ${error.message}`,
    );
  });
  if (!manifestBytes) return fail(`must be an APK, but this zip archive has no ${MANIFEST_ENTRY}`);

  const manifest = decode(manifestBytes, fail);
  if (manifest.split !== undefined) {
    // Android installs a split only together with its base APK (install-multiple), which these APIs cannot do.
    fail(
      `must be a whole APK, but ${path.basename(absolute)} is a split APK (split=${JSON.stringify(manifest.split)}): give the base APK, or build a universal APK (bundletool build-apks --mode=universal)`,
    );
  }
  const signatures = await signatureSchemes(absolute).catch((error: unknown) => {
    if (!(error instanceof ZipReadError)) throw error;
    return fail(`must be an APK that Android can read, but ${error.message}`);
  });
  if (signatures.length === 0) {
    // Android refuses an APK without a signature (INSTALL_PARSE_FAILED_NO_CERTIFICATES): every phone would fail.
    fail(
      `must be a signed APK, but ${path.basename(absolute)} has no v1, v2 or v3 signature and phones refuse to install it: sign it (a signingConfig in Gradle, or apksigner sign), or point apk-path at the signed build`,
    );
  }
  // The size is the stat's, and the MD5 is of exactly that many bytes: a file that shrinks while
  // it is read fails, one that grows is hashed up to the size reported.
  const md5 =
    options.md5 === false
      ? undefined
      : await hashFile(absolute, stats.size, undefined).catch((error: Error) =>
          fail(`names a file that cannot be read: ${((error.cause as Error | undefined) ?? error).message}`),
        );
  return {
    path: absolute,
    fileName: path.basename(absolute),
    sizeBytes: stats.size,
    sizeMb: wholeMegabytes(stats.size),
    ...(md5 !== undefined && { md5 }),
    packageName: manifest.packageName,
    ...(manifest.versionName !== undefined && { versionName: manifest.versionName }),
    ...(manifest.versionCode !== undefined && { versionCode: manifest.versionCode }),
    signatures,
  };
}

function decode(bytes: Buffer, fail: (rule: string) => never): ManifestInfo {
  try {
    return decodeManifest(bytes);
  } catch (error) {
    if (!(error instanceof ManifestError)) throw error;
    return fail(`must be an APK with a valid ${MANIFEST_ENTRY}, but it cannot be decoded: ${error.message}`);
  }
}
