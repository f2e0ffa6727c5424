import zlib from 'node:zlib';
import yauzl from 'yauzl';

/** Why a zip could not be read; `inspect.ts` turns it into an InputError naming the file. */
export class ZipReadError extends Error {
  override name = 'ZipReadError';
}

/** Entries bigger than this are refused rather than buffered: a real AndroidManifest.xml is a few KB to a few hundred KB. */
export const MAX_ENTRY_BYTES = 16 * 1024 * 1024;

function open(path: string): Promise<yauzl.ZipFile> {
  return new Promise<yauzl.ZipFile>((resolve, reject) => {
    // lazyEntries: walk the central directory one record at a time and stop at the entry we want;
    // autoClose off: we close the file ourselves once that entry has been read (or on any error).
    yauzl.open(path, { lazyEntries: true, autoClose: false, validateEntrySizes: true }, (error, zip) =>
      error ? reject(error) : resolve(zip),
    );
  }).then((zip) => {
    // findEntry listens for errors while it reads the directory; this keeps a late one from becoming uncaught.
    zip.on('error', () => {});
    return zip;
  });
}

/** Next central-directory entry named `name`, or undefined at the end of the directory. */
function findEntry(zip: yauzl.ZipFile, name: string): Promise<yauzl.Entry | undefined> {
  return new Promise((resolve, reject) => {
    const onEntry = (entry: yauzl.Entry) => {
      if (entry.fileName === name) {
        cleanup();
        resolve(entry);
      } else {
        zip.readEntry();
      }
    };
    const onEnd = () => {
      cleanup();
      resolve(undefined);
    };
    const onError = (error: Error) => {
      cleanup();
      reject(error);
    };
    const cleanup = () => {
      zip.off('entry', onEntry);
      zip.off('end', onEnd);
      zip.off('error', onError);
    };
    zip.on('entry', onEntry);
    zip.on('end', onEnd);
    zip.on('error', onError);
    zip.readEntry();
  });
}

function readEntry(zip: yauzl.ZipFile, entry: yauzl.Entry): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    zip.openReadStream(entry, (error, stream) => {
      if (error) return reject(error);
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('error', reject);
      stream.on('end', () => resolve(Buffer.concat(chunks)));
    });
  });
}

/**
 * The uncompressed bytes of one entry of a zip, or undefined when the zip has no such entry. Only the end of the
 * file, the central directory and that one entry are read. Throws ZipReadError when the file is not a readable zip.
 */
export async function readZipEntry(path: string, name: string): Promise<Buffer | undefined> {
  let zip: yauzl.ZipFile | undefined;
  try {
    zip = await open(path);
    const entry = await findEntry(zip, name);
    if (!entry) return undefined;
    if (entry.uncompressedSize > MAX_ENTRY_BYTES) {
      throw new ZipReadError(
        `${name} is ${entry.uncompressedSize} bytes, more than the ${MAX_ENTRY_BYTES} accepted`,
      );
    }
    // yauzl checks the inflated size against the central directory (validateEntrySizes), so the cap holds.
    const bytes = await readEntry(zip, entry);
    // yauzl leaves CRC-32 checking to its caller. zlib.crc32 exists from Node 20.15 / 22.2 (the action runs on 24).
    const crc32 = (zlib as { crc32?: (data: Buffer) => number }).crc32;
    if (crc32 && crc32(bytes) !== entry.crc32) {
      throw new ZipReadError(`${name} is damaged: its CRC-32 does not match the zip directory`);
    }
    return bytes;
  } catch (error) {
    if (error instanceof ZipReadError) throw error;
    throw new ZipReadError((error as Error).message, { cause: error });
  } finally {
    zip?.close();
  }
}

/**
 * Where the central directory starts and the names of the entries `keep` accepts, for the signature check. yauzl
 * reads the start from the end record (zip64 included) and keeps it as its read cursor until the first entry is
 * read; @types/yauzl declares that field with the wrong type, hence the check. Entries are walked only when
 * `keep` is given, and only up to the entry count the end record declares.
 */
export async function readZipDirectory(
  path: string,
  keep?: (name: string) => boolean,
): Promise<{ centralDirectoryOffset: number; names: string[] }> {
  let zip: yauzl.ZipFile | undefined;
  try {
    zip = await open(path);
    const centralDirectoryOffset: unknown = (zip as unknown as { readEntryCursor: unknown }).readEntryCursor;
    if (typeof centralDirectoryOffset !== 'number') {
      throw new ZipReadError('the zip reader did not report where the central directory starts');
    }
    const names: string[] = [];
    if (keep) {
      const z = zip;
      await new Promise<void>((resolve, reject) => {
        const onEntry = (entry: yauzl.Entry) => {
          if (keep(entry.fileName)) names.push(entry.fileName);
          z.readEntry();
        };
        const done = (error?: Error) => {
          z.off('entry', onEntry);
          z.off('end', done);
          z.off('error', done);
          if (error) reject(error);
          else resolve();
        };
        z.on('entry', onEntry);
        z.on('end', done);
        z.on('error', done);
        z.readEntry();
      });
    }
    return { centralDirectoryOffset, names };
  } catch (error) {
    if (error instanceof ZipReadError) throw error;
    throw new ZipReadError((error as Error).message, { cause: error });
  } finally {
    zip?.close();
  }
}
