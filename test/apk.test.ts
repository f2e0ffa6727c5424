import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, open, readFile, rm, writeFile, copyFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi, type MockInstance } from 'vitest';
import { InputError } from '../src/inputs/errors.js';
import { inspectApk, locateApk, wholeMegabytes, BYTES_PER_MB } from '../src/apk/index.js';
import { hashFile } from '../src/obs/file.js';
import { ChunkType, NO_ENTRY, StringPool, ValueType, startElements } from '../src/apk/axml.js';
import {
  ANDROID_NAMESPACE,
  ATTR_VERSION_CODE,
  ATTR_VERSION_NAME,
  decodeManifest,
} from '../src/apk/manifest.js';
import { MAX_ENTRY_BYTES, readZipEntry, ZipReadError } from '../src/apk/zip.js';
import { escapeGlob } from '../src/apk/locate.js';
import { APK_FIXTURES as FIXTURES, apkFixture as fixture } from './support/paths.js';

/** From `md5sum test/fixtures/apk/*` (scripts/make-apk-fixtures.sh prints them): literals, so a hashing bug cannot hide. */
const MD5SUM = {
  'demo.apk': '696f7a997f064b5711a291a51eab7f18',
  'other.apk': '677f95b17f83dece96ccceaf5fbc91b7',
  'no-version.apk': '193f1d0ca7b6293b9ae8569f37bc1a71',
  'unicode.apk': '935c027e5c96e7dd0e4cb1e7acf3db2e',
  'resref.apk': 'c60bf1ae15e069a2e360ea725283e9f1',
};

function md5OfWholeFile(file: string): string {
  return createHash('md5').update(readFileSync(file)).digest('hex');
}

async function inputErrorOf(promise: Promise<unknown>): Promise<InputError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(InputError);
  return error as InputError;
}

describe('inspectApk on APKs built by aapt', () => {
  it.each([
    {
      file: 'demo.apk',
      sizeBytes: 8476,
      packageName: 'com.example.demo',
      versionName: '1.4.2',
      versionCode: 42,
      signatures: ['v2', 'v3'],
    },
    {
      file: 'other.apk',
      sizeBytes: 2311,
      packageName: 'org.acme.fleet.agent',
      versionName: '2.0.0-beta.1',
      versionCode: 2000001,
      signatures: ['v1'],
    },
    {
      file: 'unicode.apk',
      sizeBytes: 8279,
      packageName: 'com.example.unicode',
      versionName: '3.0 “Größe” 版本 🚀',
      versionCode: 3,
      signatures: ['v2'],
    },
  ] as const)('$file', async ({ file, ...expected }) => {
    const info = await inspectApk(fixture(file));
    expect(info).toEqual({
      path: fixture(file),
      fileName: file,
      sizeMb: 1,
      md5: MD5SUM[file],
      ...expected,
    });
    expect(info.md5).toBe(md5OfWholeFile(fixture(file)));
  });

  it('reads only the manifest and the size with { md5: false }: the upload hashes the file as it sends it', async () => {
    const { md5, ...rest } = await inspectApk(fixture('demo.apk'));
    expect(md5).toBe(md5OfWholeFile(fixture('demo.apk')));
    expect(await inspectApk(fixture('demo.apk'), { md5: false })).toEqual(rest);
  });

  it('leaves versionName and versionCode undefined when the manifest has none', async () => {
    const info = await inspectApk(fixture('no-version.apk'));
    expect(info).toEqual({
      path: fixture('no-version.apk'),
      fileName: 'no-version.apk',
      sizeBytes: 8476,
      sizeMb: 1,
      md5: MD5SUM['no-version.apk'],
      packageName: 'com.example.noversion',
      signatures: ['v2', 'v3'],
    });
    expect('versionName' in info).toBe(false);
  });

  it('leaves versionName undefined when it is a resource reference, and reads a hex versionCode', async () => {
    // android:versionName="@string/app_version" (5.6.7 in resources.arsc, which we do not decode); versionCode="0x10".
    const info = await inspectApk(fixture('resref.apk'));
    expect(info.packageName).toBe('com.example.resref');
    expect(info.versionName).toBeUndefined();
    expect(info.versionCode).toBe(16);
    expect(info.md5).toBe(MD5SUM['resref.apk']);
    expect(info.signatures).toEqual(['v3']);
  });

  it('resolves a relative path against the current directory', async () => {
    const info = await inspectApk(path.relative(process.cwd(), fixture('demo.apk')));
    expect(info.path).toBe(fixture('demo.apk'));
  });
});

describe('inspectApk errors', () => {
  it('a truncated APK is an InputError on apk-path', async () => {
    const error = await inputErrorOf(inspectApk(fixture('corrupt.apk')));
    expect(error.input).toBe('apk-path');
    expect(error.value).toBe(fixture('corrupt.apk'));
    expect(error.message).toMatch(/not a readable zip archive.*End of central directory/);
  });

  it('a zip without AndroidManifest.xml is not an APK', async () => {
    const error = await inputErrorOf(inspectApk(fixture('not-an-apk.apk')));
    expect(error.input).toBe('apk-path');
    expect(error.rule).toBe('must be an APK, but this zip archive has no AndroidManifest.xml');
  });

  it('a plain-text AndroidManifest.xml is named as such', async () => {
    const error = await inputErrorOf(inspectApk(fixture('text-manifest.apk')));
    expect(error.input).toBe('apk-path');
    expect(error.rule).toMatch(/cannot be decoded: it is plain-text XML/);
  });

  it('a missing file, a directory and a non-zip file', async () => {
    expect((await inputErrorOf(inspectApk(fixture('missing.apk')))).rule).toBe(
      'names a file that does not exist',
    );
    expect((await inputErrorOf(inspectApk(FIXTURES))).rule).toMatch(/must name a file/);
    const notZip = await inputErrorOf(inspectApk(path.resolve(import.meta.dirname, '../package.json')));
    expect(notZip.rule).toMatch(/not a readable zip/);
  });

  it('damaged compressed manifest bytes are an InputError, not a crash', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'apk-damaged-'));
    try {
      const bytes = await readFile(fixture('demo.apk'));
      // The manifest's deflated data starts after the 30-byte local header and the 19-byte name.
      for (let i = 60; i < 200; i += 7) bytes[i] = (bytes[i] as number) ^ 0xa5;
      const damaged = path.join(dir, 'damaged.apk');
      await writeFile(damaged, bytes);
      const error = await inputErrorOf(inspectApk(damaged));
      expect(error.input).toBe('apk-path');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('readZipEntry', () => {
  it('reads one entry and reports a missing one as undefined', async () => {
    const manifest = await readZipEntry(fixture('demo.apk'), 'AndroidManifest.xml');
    expect(manifest?.length).toBe(1136); // `unzip -lv demo.apk`
    expect(await readZipEntry(fixture('demo.apk'), 'classes.dex')).toBeUndefined();
    expect(await readZipEntry(fixture('not-an-apk.apk'), 'readme.txt')).toEqual(
      Buffer.from('This zip has no AndroidManifest.xml, so it is not an APK.\n'),
    );
  });

  it('rejects a corrupt zip with ZipReadError', async () => {
    await expect(readZipEntry(fixture('corrupt.apk'), 'AndroidManifest.xml')).rejects.toBeInstanceOf(
      ZipReadError,
    );
  });

  it('checks the CRC-32 that yauzl leaves unchecked', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'apk-crc-'));
    try {
      // Patch the central directory's CRC-32 of the manifest: offset 16 in the record.
      const bytes = await readFile(fixture('demo.apk'));
      const central = bytes.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
      bytes.writeUInt32LE((bytes.readUInt32LE(central + 16) ^ 1) >>> 0, central + 16);
      const file = path.join(dir, 'crc.apk');
      await writeFile(file, bytes);
      await expect(readZipEntry(file, 'AndroidManifest.xml')).rejects.toThrow(/CRC-32 does not match/);
      const error = await inputErrorOf(inspectApk(file));
      expect(error.rule).toMatch(/not a readable zip archive.*CRC-32/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('refuses an entry larger than the cap before reading it', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'apk-big-entry-'));
    try {
      // Patch the central directory's uncompressed size of the (deflated) manifest: offset 24 in the record.
      const bytes = await readFile(fixture('demo.apk'));
      const central = bytes.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
      bytes.writeUInt32LE(MAX_ENTRY_BYTES + 1, central + 24);
      const file = path.join(dir, 'big.zip');
      await writeFile(file, bytes);
      await expect(readZipEntry(file, 'AndroidManifest.xml')).rejects.toThrow(
        /16777217 bytes, more than the/,
      );
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('size and MD5', () => {
  it('counts whole MB of 1024 * 1024 bytes, rounded up', () => {
    expect(BYTES_PER_MB).toBe(1_048_576);
    expect(wholeMegabytes(0)).toBe(0);
    expect(wholeMegabytes(1)).toBe(1);
    expect(wholeMegabytes(BYTES_PER_MB)).toBe(1);
    expect(wholeMegabytes(BYTES_PER_MB + 1)).toBe(2);
    expect(wholeMegabytes(1_000_000 * 3)).toBe(3);
    expect(wholeMegabytes(1024 * BYTES_PER_MB)).toBe(1024);
  });

  describe('a 600 MB file', () => {
    const MB = BYTES_PER_MB;
    const size = 600 * MB + 1;
    let dir: string;
    let file: string;

    beforeAll(async () => {
      dir = await mkdtemp(path.join(tmpdir(), 'apk-large-'));
      file = path.join(dir, 'large.apk');
      // Sparse: quick to make and cheap on disk. Markers at the start, across a 1 MB boundary, in
      // the middle and at the very end, so a dropped, repeated or reordered chunk changes the digest.
      const handle = await open(file, 'w');
      try {
        await handle.truncate(size);
        for (const [offset, text] of [
          [0, 'start'],
          [MB - 3, 'edge'],
          [300 * MB, 'middle'],
          [size - 3, 'end'],
        ] as const) {
          await handle.write(Buffer.from(text), 0, text.length, offset);
        }
      } finally {
        await handle.close();
      }
    });
    afterAll(async () => {
      await rm(dir, { recursive: true, force: true });
    });

    it('is hashed in chunks, with memory growth far below its size', async () => {
      global.gc?.();
      const before = process.memoryUsage().rss;
      let peak = before;
      const sampler = setInterval(() => {
        peak = Math.max(peak, process.memoryUsage().rss);
      }, 10);
      let md5;
      try {
        md5 = await hashFile(file, size, undefined);
      } finally {
        clearInterval(sampler);
      }
      peak = Math.max(peak, process.memoryUsage().rss);
      // The same layout written by Python and hashed with `md5sum`.
      expect(md5).toBe('e4504eb46dbec3e66bcc42a02598b197');
      expect(wholeMegabytes(size)).toBe(601);
      // No time limit: on a shared 2-core machine it flakes (13-17 s seen), and speed belongs in bench/.
      expect(peak - before).toBeLessThan(100 * MB);
    });
  });
});

describe('inspectApk refuses an APK without a signature', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'apk-signature-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('refuses the unsigned build aapt wrote, before hashing it, naming the file and what to do', async () => {
    const error = await inputErrorOf(inspectApk(fixture('demo-unsigned.apk')));
    expect(error.input).toBe('apk-path');
    expect(error.value).toBe(fixture('demo-unsigned.apk'));
    expect(error.rule).toBe(
      'must be a signed APK, but demo-unsigned.apk has no v1, v2 or v3 signature and phones refuse to install it: sign it (a signingConfig in Gradle, or apksigner sign), or point apk-path at the signed build',
    );
  });

  it('finds v1 only when a .SF file has its signature block file (.RSA, .DSA or .EC)', async () => {
    // Python's zipfile adds the entries to copies of the unsigned APK: the names are what is checked.
    const sfOnly = path.join(dir, 'sf-only.apk');
    const v1 = path.join(dir, 'v1.apk');
    const script = [
      'import shutil, sys, zipfile',
      'for target, names in ((sys.argv[2], ["META-INF/CERT.SF", "META-INF/OTHER.EC"]), (sys.argv[3], ["META-INF/MANIFEST.MF", "META-INF/KEY.SF", "META-INF/KEY.EC"])):',
      '    shutil.copyfile(sys.argv[1], target)',
      '    with zipfile.ZipFile(target, "a") as z:',
      '        for name in names: z.writestr(name, "x")',
    ].join('\n');
    execFileSync('python3', ['-c', script, fixture('demo-unsigned.apk'), sfOnly, v1]);
    expect((await inputErrorOf(inspectApk(sfOnly))).rule).toMatch(/^must be a signed APK/);
    expect((await inspectApk(v1)).signatures).toEqual(['v1']);
  });

  it('does not count a signing block whose pairs hold no v2 or v3 signature', async () => {
    // unicode.apk is signed v2 only: its v2 ID becomes the verity padding ID (0x42726577), keeping every size.
    const bytes = await readFile(fixture('unicode.apk'));
    const magic = bytes.lastIndexOf(Buffer.from('APK Sig Block 42'));
    const size = Number(bytes.readBigUInt64LE(magic - 8));
    const start = magic + 16 - size - 8;
    const v2 = Buffer.from([0x1a, 0x87, 0x09, 0x71]);
    const at = bytes.indexOf(v2, start);
    expect(at).toBe(start + 8 + 8);
    bytes.writeUInt32LE(0x42726577, at);
    const file = path.join(dir, 'padding-only.apk');
    await writeFile(file, bytes);
    expect((await inputErrorOf(inspectApk(file))).rule).toMatch(
      /^must be a signed APK, but padding-only\.apk/,
    );
  });

  it('refuses a signing block whose sizes do not add up, as Android does', async () => {
    const bytes = await readFile(fixture('demo.apk'));
    const magic = bytes.lastIndexOf(Buffer.from('APK Sig Block 42'));
    bytes.writeBigUInt64LE(BigInt(bytes.length), magic - 8);
    const file = path.join(dir, 'damaged-block.apk');
    await writeFile(file, bytes);
    expect((await inputErrorOf(inspectApk(file))).rule).toMatch(
      /^must be an APK that Android can read, but its APK Signing Block is damaged: its size \(\d+ bytes\) does not fit/,
    );
  });
});

describe('locateApk', () => {
  const root = path.resolve(import.meta.dirname, '..');

  // @actions/glob logs through core.debug: `::debug::` lines on stdout, which the runner hides unless debugging.
  // (vi.mock cannot reach @actions/core there: node_modules are not transformed.) Keep the test output clean.
  let stdout: MockInstance;
  beforeAll(() => {
    const write = process.stdout.write.bind(process.stdout) as (
      chunk: unknown,
      ...rest: unknown[]
    ) => boolean;
    stdout = vi
      .spyOn(process.stdout, 'write')
      .mockImplementation(
        ((chunk: unknown, ...rest: unknown[]) =>
          String(chunk).startsWith('::debug::') || write(chunk, ...rest)) as typeof process.stdout.write,
      );
  });
  afterAll(() => stdout.mockRestore());

  it('returns the one file a glob matches, as an absolute path', async () => {
    expect(await locateApk('test/**/oth?r.apk', root)).toBe(fixture('other.apk'));
    expect(await locateApk('./test/../test/fixtures/apk/demo.apk', root)).toBe(fixture('demo.apk'));
    expect(await locateApk(path.join(FIXTURES, 'u*.apk'))).toBe(fixture('unicode.apk'));
    expect(await locateApk('../../../apk/no-*', path.join(FIXTURES, 'no-such-dir/sub'))).toBe(
      fixture('no-version.apk'),
    );
  });

  it('defaults to the current directory', async () => {
    const relative = path.relative(process.cwd(), path.join(FIXTURES, 'res*.apk'));
    expect(await locateApk(relative)).toBe(fixture('resref.apk'));
  });

  it('says nothing matched', async () => {
    const error = await inputErrorOf(locateApk('test/fixtures/apk/*.aab', root));
    expect(error.input).toBe('apk-path');
    expect(error.value).toBe('test/fixtures/apk/*.aab');
    expect(error.rule).toBe(`must match exactly one file, but nothing matched (searched from ${root})`);
  });

  it('lists every file when several match', async () => {
    const error = await inputErrorOf(locateApk('test/fixtures/apk/*.apk', root));
    expect(error.input).toBe('apk-path');
    expect(error.rule).toBe(
      'must match exactly one file, but it matched 9: ' +
        [
          'corrupt',
          'demo-unsigned',
          'demo',
          'no-version',
          'not-an-apk',
          'other',
          'resref',
          'text-manifest',
          'unicode',
        ]
          .map((name) => `test/fixtures/apk/${name}.apk`)
          .join(', '),
    );
  });

  describe('in a scratch directory', () => {
    let dir: string;
    beforeAll(async () => {
      dir = await mkdtemp(path.join(tmpdir(), 'apk-glob-[x]-'));
      await mkdir(path.join(dir, 'out'));
      for (let i = 1; i <= 13; i++) {
        await writeFile(path.join(dir, 'out', `app-${String(i).padStart(2, '0')}.apk`), '');
      }
      await mkdir(path.join(dir, 'build.apk'));
      await writeFile(path.join(dir, 'app[release].apk'), '');
    });
    afterAll(async () => {
      await rm(dir, { recursive: true, force: true });
    });

    it('lists at most 10 matches, then says how many more', async () => {
      const error = await inputErrorOf(locateApk('out/*.apk', dir));
      const listed = Array.from({ length: 10 }, (_, i) => `out/app-${String(i + 1).padStart(2, '0')}.apk`);
      expect(error.rule).toBe(
        `must match exactly one file, but it matched 13: ${listed.join(', ')} and 3 more`,
      );
    });

    it('takes an existing path literally even with glob characters, and escapes the directory', async () => {
      // The scratch directory's own name holds "[x]": it must not be read as a character class.
      expect(await locateApk('app[release].apk', dir)).toBe(path.join(dir, 'app[release].apk'));
      expect(await locateApk('out/app-07.*', dir)).toBe(path.join(dir, 'out', 'app-07.apk'));
    });

    it('never matches a directory', async () => {
      // build.apk is a directory; only app[release].apk is a file.
      expect(await locateApk('*.apk', dir)).toBe(path.join(dir, 'app[release].apk'));
      const error = await inputErrorOf(locateApk('out', dir));
      expect(error.rule).toBe('must name a file, but it names a directory');
    });

    it('takes the signed APK when the pattern also matches an *-unsigned.apk beside it, and says so', async () => {
      await mkdir(path.join(dir, 'release'));
      await writeFile(path.join(dir, 'release', 'app-release-unsigned.apk'), '');
      await writeFile(path.join(dir, 'release', 'app-release.apk'), '');
      const said: string[] = [];
      expect(await locateApk('release/*.apk', dir, (message) => said.push(message))).toBe(
        path.join(dir, 'release', 'app-release.apk'),
      );
      expect(said).toEqual([
        'apk-path matched 2 files: took release/app-release.apk, left out release/app-release-unsigned.apk (named unsigned, beside it)',
      ]);
      // Alone, the unsigned build is what the pattern names (and inspectApk refuses it).
      expect(await locateApk('release/*-unsigned.apk', dir)).toBe(
        path.join(dir, 'release', 'app-release-unsigned.apk'),
      );
    });

    it('does not pass over an *-unsigned.apk for a signed one in another folder', async () => {
      await mkdir(path.join(dir, 'a'));
      await mkdir(path.join(dir, 'b'));
      await writeFile(path.join(dir, 'a', 'app-unsigned.apk'), '');
      await writeFile(path.join(dir, 'b', 'app.apk'), '');
      const error = await inputErrorOf(locateApk('[ab]/*.apk', dir));
      expect(error.rule).toBe('must match exactly one file, but it matched 2: a/app-unsigned.apk, b/app.apk');
    });

    it('rejects an empty or multi-line value', async () => {
      expect((await inputErrorOf(locateApk('  ', dir))).rule).toMatch(/must name the APK file/);
      expect((await inputErrorOf(locateApk('a.apk\nb.apk', dir))).rule).toMatch(/single line/);
    });
  });

  it('escapes glob characters like @actions/glob does', () => {
    if (process.platform === 'win32') return;
    expect(escapeGlob('/a/b[1]/c?d*e\\f')).toBe('/a/b[[]1]/c[?]d[*]e\\\\f');
    expect(escapeGlob('/plain/dir')).toBe('/plain/dir');
  });
});

// ---------------------------------------------------------------------------------------------------------------
// The binary XML decoder on crafted buffers. aapt always writes the manifest's string pool as UTF-16, so the UTF-8
// form (what aapt2 writes) is produced here by re-encoding aapt's pool; the rest of the document stays aapt's.

/** A string pool chunk in the layout of ResourceTypes.h. */
function encodePool(strings: string[], utf8: boolean): Buffer {
  const data = strings.map((s) => {
    if (!utf8) {
      const units = Buffer.from(s, 'utf16le');
      const n = units.length / 2;
      const length =
        n > 0x7fff ? Buffer.from([(n >> 16) & 0xff, 0x80 | (n >> 24), n & 0xff, (n >> 8) & 0xff]) : u16(n);
      return Buffer.concat([length, units, u16(0)]);
    }
    const bytes = Buffer.from(s, 'utf8');
    const len8 = (n: number) => (n > 0x7f ? Buffer.from([0x80 | (n >> 8), n & 0xff]) : Buffer.from([n]));
    return Buffer.concat([len8(s.length), len8(bytes.length), bytes, Buffer.from([0])]);
  });
  const offsets: number[] = [];
  let offset = 0;
  for (const d of data) {
    offsets.push(offset);
    offset += d.length;
  }
  let body = Buffer.concat(data);
  body = Buffer.concat([body, Buffer.alloc((4 - (body.length % 4)) % 4)]);
  const headerSize = 28;
  const stringsStart = headerSize + strings.length * 4;
  const header = Buffer.alloc(headerSize);
  header.writeUInt16LE(ChunkType.StringPool, 0);
  header.writeUInt16LE(headerSize, 2);
  header.writeUInt32LE(stringsStart + body.length, 4);
  header.writeUInt32LE(strings.length, 8);
  header.writeUInt32LE(0, 12);
  header.writeUInt32LE(utf8 ? 0x100 : 0, 16);
  header.writeUInt32LE(stringsStart, 20);
  header.writeUInt32LE(0, 24);
  return Buffer.concat([header, ...offsets.map(u32), body]);
}

function u16(n: number): Buffer {
  const b = Buffer.alloc(2);
  b.writeUInt16LE(n);
  return b;
}
function u32(n: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeUInt32LE(n >>> 0);
  return b;
}

interface CraftedAttribute {
  ns?: number;
  name: number;
  raw?: number;
  type: number;
  data: number;
}

/** A start-element chunk with string indices. */
function startElement(name: number, attributes: CraftedAttribute[], ns = NO_ENTRY): Buffer {
  const attrs = attributes.map((a) =>
    Buffer.concat([
      u32(a.ns ?? NO_ENTRY),
      u32(a.name),
      u32(a.raw ?? NO_ENTRY),
      u16(8),
      Buffer.from([0, a.type]),
      u32(a.data),
    ]),
  );
  const ext = Buffer.concat([
    u32(ns),
    u32(name),
    u16(20),
    u16(20),
    u16(attrs.length),
    u16(0),
    u16(0),
    u16(0),
  ]);
  const body = Buffer.concat([u32(1), u32(NO_ENTRY), ext, ...attrs]);
  return Buffer.concat([u16(ChunkType.XmlStartElement), u16(16), u32(8 + body.length), body]);
}

function resourceMap(ids: number[]): Buffer {
  return Buffer.concat([u16(ChunkType.XmlResourceMap), u16(8), u32(8 + ids.length * 4), ...ids.map(u32)]);
}

function xmlDocument(...chunks: Buffer[]): Buffer {
  const body = Buffer.concat(chunks);
  return Buffer.concat([u16(ChunkType.Xml), u16(8), u32(8 + body.length), body]);
}

/** The manifest of a fixture with its string pool re-encoded (UTF-8 or UTF-16); every other chunk untouched. */
async function reencodedManifest(file: string, utf8: boolean): Promise<Buffer> {
  const original = (await readZipEntry(fixture(file), 'AndroidManifest.xml')) as Buffer;
  const poolSize = original.readUInt32LE(8 + 4);
  const pool = new StringPool(original, { type: 1, headerSize: 28, start: 8, end: 8 + poolSize });
  expect(pool.utf8).toBe(false); // what aapt wrote
  const strings = Array.from({ length: pool.count }, (_, i) => pool.get(i) as string);
  return xmlDocument(encodePool(strings, utf8), original.subarray(8 + poolSize));
}

describe('binary XML decoder', () => {
  it.each(['demo.apk', 'unicode.apk', 'resref.apk', 'no-version.apk'])(
    'decodes %s the same with a UTF-8 or a UTF-16 string pool',
    async (file) => {
      const fromAapt = decodeManifest((await readZipEntry(fixture(file), 'AndroidManifest.xml')) as Buffer);
      const utf8 = await reencodedManifest(file, true);
      expect(
        new StringPool(utf8, { type: 1, headerSize: 28, start: 8, end: 8 + utf8.readUInt32LE(12) }).utf8,
      ).toBe(true);
      expect(decodeManifest(utf8)).toEqual(fromAapt);
      expect(decodeManifest(await reencodedManifest(file, false))).toEqual(fromAapt);
    },
  );

  it('decodes the non-ASCII versionName from a UTF-8 pool (4-byte sequences, 2-byte lengths)', async () => {
    expect(decodeManifest(await reencodedManifest('unicode.apk', true)).versionName).toBe(
      '3.0 “Größe” 版本 🚀',
    );
  });

  it.each([true, false])('reads long strings whose length takes two units (utf8: %s)', (utf8) => {
    const longName = `1.${'9'.repeat(utf8 ? 300 : 40_000)}`;
    const strings = ['manifest', 'package', 'com.example.long', 'versionName', ANDROID_NAMESPACE, longName];
    const doc = xmlDocument(
      encodePool(strings, utf8),
      resourceMap([0, 0, 0, ATTR_VERSION_NAME]),
      startElement(0, [
        { name: 1, raw: 2, type: ValueType.String, data: 2 },
        { ns: 4, name: 3, raw: 5, type: ValueType.String, data: 5 },
      ]),
    );
    expect(decodeManifest(doc)).toEqual({ packageName: 'com.example.long', versionName: longName });
  });

  it.each([0x0000, ChunkType.StringPool, 0x1234, 0x3c3c])(
    'reads a document whose first chunk has type 0x%s as Android does (ResXMLTree::setTo checks sizes only)',
    (type) => {
      const doc = xmlDocument(
        encodePool(['manifest', 'package', 'com.example.odd'], false),
        startElement(0, [{ name: 1, raw: 2, type: ValueType.String, data: 2 }]),
      );
      doc.writeUInt16LE(type, 0);
      expect(decodeManifest(doc)).toEqual({ packageName: 'com.example.odd' });
    },
  );

  it.each(['config.xxhdpi', 'feature_camera'])('reports the split attribute of a split APK (%s)', (split) => {
    const doc = xmlDocument(
      encodePool(['manifest', 'package', 'com.example.base', 'split', split], false),
      startElement(0, [
        { name: 1, raw: 2, type: ValueType.String, data: 2 },
        { name: 3, raw: 4, type: ValueType.String, data: 4 },
      ]),
    );
    expect(decodeManifest(doc)).toEqual({ packageName: 'com.example.base', split });
  });

  it('matches android attributes by resource id first, by name only without one', () => {
    // "vn" carries the versionName id (renamed by an obfuscator); the name-only "versionName" without id loses.
    const strings = [
      'manifest',
      'package',
      'p.q',
      'vn',
      ANDROID_NAMESPACE,
      '7.7',
      'versionName',
      '1.1',
      'versionCode',
    ];
    const doc = xmlDocument(
      encodePool(strings, false),
      resourceMap([0, 0, 0, ATTR_VERSION_NAME]),
      startElement(0, [
        { name: 1, type: ValueType.String, data: 2 },
        { ns: 4, name: 6, type: ValueType.String, data: 7 },
        { ns: 4, name: 3, type: ValueType.String, data: 5 },
        { ns: 4, name: 8, type: ValueType.IntDec, data: 0xffffffff },
      ]),
    );
    // versionCode has no resource id here (index 8 is past the map), so its name is used; Android reads a Java int.
    expect(decodeManifest(doc)).toEqual({ packageName: 'p.q', versionName: '7.7', versionCode: -1 });
  });

  it('interprets versionName and versionCode of other value types', () => {
    const strings = ['manifest', 'package', 'p.q', 'versionName', 'versionCode', ANDROID_NAMESPACE, '12'];
    const doc = (nameAttr: CraftedAttribute, codeAttr: CraftedAttribute) =>
      xmlDocument(
        encodePool(strings, true),
        resourceMap([0, 0, 0, ATTR_VERSION_NAME, ATTR_VERSION_CODE]),
        startElement(0, [{ name: 1, type: ValueType.String, data: 2 }, nameAttr, codeAttr]),
      );
    expect(
      decodeManifest(
        doc(
          { ns: 5, name: 3, type: ValueType.IntDec, data: 3 },
          { ns: 5, name: 4, type: ValueType.String, data: 6 },
        ),
      ),
    ).toEqual({ packageName: 'p.q', versionName: '3', versionCode: 12 });
    expect(
      decodeManifest(
        doc(
          { ns: 5, name: 3, type: ValueType.Reference, data: 0x7f020000 },
          { ns: 5, name: 4, type: ValueType.Reference, data: 0x7f030000 },
        ),
      ),
    ).toEqual({ packageName: 'p.q' });
    expect(
      decodeManifest(
        doc(
          { ns: 5, name: 3, type: ValueType.IntHex, data: 255 },
          { ns: 5, name: 4, type: ValueType.Float, data: 0 },
        ),
      ),
    ).toEqual({ packageName: 'p.q', versionName: '0xff' });
  });

  it('yields elements in order and stops where asked', () => {
    const strings = ['manifest', 'application', 'package', 'p.q'];
    const doc = xmlDocument(
      encodePool(strings, false),
      startElement(0, [{ name: 2, type: ValueType.String, data: 3 }]),
      startElement(1, []),
    );
    expect([...startElements(doc)].map((e) => e.name)).toEqual(['manifest', 'application']);
  });

  describe('rejects malformed input with a reason', () => {
    const strings = ['manifest', 'package', 'p.q', 'application'];
    const pool = encodePool(strings, false);
    const manifest = startElement(0, [{ name: 1, type: ValueType.String, data: 2 }]);

    it.each([
      ['an empty buffer', Buffer.alloc(0), /truncated/],
      ['plain-text XML', Buffer.from('<?xml version="1.0"?><manifest/>'), /plain-text XML/],
      ['a size past the end', Buffer.concat([u16(ChunkType.Xml), u16(8), u32(999)]), /invalid size/],
      ['no elements', xmlDocument(pool), /no elements/],
      ['an element before the pool', xmlDocument(manifest, pool), /before the string pool/],
      ['another root element', xmlDocument(pool, startElement(3, [])), /root element is <application>/],
      ['no package', xmlDocument(pool, startElement(0, [])), /no package attribute/],
      [
        'a string index out of range',
        xmlDocument(pool, startElement(0, [{ name: 1, type: ValueType.String, data: 99 }])),
        /string index 99 is out of range/,
      ],
      ['a truncated document', xmlDocument(pool, manifest).subarray(0, 60), /invalid size/],
      [
        'an attribute count past the chunk',
        (() => {
          const element = Buffer.from(manifest);
          element.writeUInt16LE(50, 16 + 12); // attributeCount
          return xmlDocument(pool, element);
        })(),
        /overrun/,
      ],
      [
        'a string running out of the pool',
        (() => {
          const broken = Buffer.from(pool);
          broken.writeUInt16LE(0x7000, 28 + 16); // first string's length
          return xmlDocument(broken, manifest);
        })(),
        /runs outside the string pool/,
      ],
    ])('%s', (_name, buffer, reason) => {
      expect(() => decodeManifest(buffer)).toThrow(reason);
    });
  });
});

describe('fixtures', () => {
  it('are the small files the script commits', async () => {
    for (const [file, md5] of Object.entries(MD5SUM)) {
      expect(md5OfWholeFile(fixture(file)), file).toBe(md5);
    }
    // corrupt.apk is the first 300 bytes of demo.apk.
    const demo = await readFile(fixture('demo.apk'));
    expect(await readFile(fixture('corrupt.apk'))).toEqual(demo.subarray(0, 300));
  });

  it('copies keep their identity: the digest does not depend on the name', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'apk-copy-'));
    try {
      const copy = path.join(dir, 'renamed.bin');
      await copyFile(fixture('demo.apk'), copy);
      const info = await inspectApk(copy);
      expect(info).toMatchObject({
        fileName: 'renamed.bin',
        md5: MD5SUM['demo.apk'],
        packageName: 'com.example.demo',
      });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
