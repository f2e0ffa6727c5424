// The multipart reader holds at most `slots` parts: a 5 GB APK must not cost 5 GB of memory, nor
// a fresh buffer per part (page faults and collector sweeps a 2-core runner pays in upload time).
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { prepareToUpload } from '../src/obs/client.js';
import { hashFile } from '../src/obs/file.js';
import { hasSpareThread, PartHasher, type HashedPart } from '../src/obs/part-hasher.js';
import { PartReader, type Hasher } from '../src/obs/part-reader.js';

const dir = mkdtempSync(join(tmpdir(), 'part-reader-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const md5 = (data: Buffer, encoding: 'hex' | 'base64') => createHash('md5').update(data).digest(encoding);
/** Parts of one size and no ramp; planParts refuses parts this small. */
const plainParts = (size: number, partSize: number) => ({
  size,
  ramp: [],
  partSize,
  count: Math.ceil(size / partSize),
});

describe('PartReader', () => {
  // The build may rewrite the APK while it is uploaded: the size read first no longer holds.
  it('fails, naming the file and where it ended, when the file is shorter than its size said', async () => {
    const content = randomBytes(2500);
    const file = join(dir, 'shrunk.bin');
    writeFileSync(file, content);
    const ended =
      /^Cannot read the file to upload, .*shrunk\.bin: the file ended at 2500 bytes \(it shrank while read\)$/;
    const reader = await PartReader.open(file, plainParts(4000, 1024), 4);
    try {
      for (const i of [0, 1]) reader.release(await reader.read(i));
      await expect(reader.read(2)).rejects.toThrow(ended);
    } finally {
      await reader.close();
    }
    await expect(hashFile(file, 4000, undefined)).rejects.toThrow(ended);
    expect(await hashFile(file, 2000, undefined)).toBe(md5(content.subarray(0, 2000), 'hex'));
  });

  it('reuses its part buffers: a read waits for a release once every slot is taken', async () => {
    const content = randomBytes(5 * 1024 + 100);
    const file = join(dir, 'five-parts.bin');
    writeFileSync(file, content);
    const reader = await PartReader.open(file, plainParts(content.length, 1024), 2);
    try {
      // Reused memory holds each new part's bytes: checked before the part is given back.
      const check = (part: Awaited<ReturnType<PartReader['read']>>, i: number) => {
        const expected = content.subarray(i * 1024, Math.min(content.length, (i + 1) * 1024));
        expect(Buffer.compare(part.data, expected)).toBe(0);
        expect(part.contentMd5).toBe(md5(expected, 'base64'));
      };
      const first = await reader.read(0);
      check(first, 0);
      const second = await reader.read(1);
      let third: Awaited<ReturnType<PartReader['read']>> | undefined;
      const pending = reader.read(2).then((part) => (third = part));
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(third).toBeUndefined();
      reader.release(first);
      await pending;
      expect(third).toBeDefined();
      check(second, 1);
      check(third!, 2);
      reader.release(second);
      reader.release(third!);
      for (const i of [3, 4, 5]) {
        const part = await reader.read(i);
        check(part, i);
        if (i === 5) expect(part.data.length).toBe(100);
        reader.release(part);
      }
      expect(await reader.digest()).toBe(md5(content, 'hex'));
    } finally {
      await reader.close();
    }
  });

  // A part's memory is shared with the hashing thread, which feeds the whole-file MD5 while the
  // part is sent: it may take new bytes only once that thread has read the old ones.
  it('gives a buffer back only once the whole-file MD5 has read it, however soon the part is released', async () => {
    const content = randomBytes(3 * 1024);
    const file = join(dir, 'fed.bin');
    writeFileSync(file, content);
    const feeds: Array<() => void> = [];
    const hasher: Hasher = {
      add: (buffer, length) => ({
        contentMd5: Promise.resolve(md5(Buffer.from(buffer, 0, length), 'base64')),
        fed: new Promise<void>((resolve) => feeds.push(resolve)),
      }),
      digest: async () => 'unused',
      close: async () => {},
    };
    const reader = await PartReader.open(file, plainParts(content.length, 1024), 1, hasher);
    try {
      const first = await reader.read(0);
      reader.release(first);
      let second: HashedPart | undefined;
      const pending = reader.read(1).then((part) => (second = part));
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(second).toBeUndefined();
      expect(Buffer.compare(first.data, content.subarray(0, 1024))).toBe(0); // not overwritten
      feeds[0]!();
      await pending;
      expect(Buffer.compare(second!.data, content.subarray(1024, 2048))).toBe(0);
    } finally {
      await reader.close();
    }
  });

  it('reads as many parts ahead as it may hold when asked (prefetch), and hands those reads to read(i)', async () => {
    const content = randomBytes(3 * 1024);
    const file = join(dir, 'prefetch.bin');
    writeFileSync(file, content);
    const reader = await PartReader.open(file, plainParts(content.length, 1024), 2);
    try {
      reader.prefetch();
      reader.prefetch();
      await new Promise((resolve) => setTimeout(resolve, 50));
      // Read ahead: the bytes on disk now are those of the third part only, read when asked.
      const later = Buffer.alloc(content.length, 7);
      writeFileSync(file, later);
      const parts = [];
      for (const i of [0, 1, 2]) {
        const part = await reader.read(i);
        parts.push(Buffer.from(part.data));
        reader.release(part);
      }
      expect(Buffer.compare(parts[0]!, content.subarray(0, 1024))).toBe(0);
      expect(Buffer.compare(parts[1]!, content.subarray(1024, 2048))).toBe(0);
      expect(Buffer.compare(parts[2]!, later.subarray(2048))).toBe(0);
      expect(await reader.digest()).toBe(md5(Buffer.concat(parts), 'hex'));
    } finally {
      await reader.close();
    }
    // Read ahead and never asked for (the object was already there): closing is enough.
    const unused = await PartReader.open(file, plainParts(content.length, 1024), 2);
    unused.prefetch();
    await unused.close();
  });
});

// A hashing thread takes tens of milliseconds to start: the parts added before it is ready get
// their Content-MD5 from the caller's thread, and every part still goes into the file's MD5 once,
// in order.
describe('PartHasher', () => {
  it('hashes parts added before and after its thread is ready, each once into the MD5 of the file', async () => {
    const parts = [randomBytes(3000), randomBytes(5000), randomBytes(7000)];
    const shared = parts.map((bytes) => {
      const buffer = new SharedArrayBuffer(8192);
      bytes.copy(Buffer.from(buffer));
      return buffer;
    });
    const hasher = new PartHasher();
    try {
      // At once: the thread cannot have started yet.
      const early = hasher.add(shared[0]!, parts[0]!.length);
      expect(await early.contentMd5).toBe(md5(parts[0]!, 'base64'));
      await early.fed;
      await new Promise((resolve) => setTimeout(resolve, 1000)); // long after it is ready
      const late = [1, 2].map((i) => hasher.add(shared[i]!, parts[i]!.length));
      for (const [n, added] of late.entries())
        expect(await added.contentMd5).toBe(md5(parts[n + 1]!, 'base64'));
      expect(await hasher.digest()).toBe(md5(Buffer.concat(parts), 'hex'));
    } finally {
      await hasher.close();
    }
  });
});

// The thread is started ahead, while the manifest is read, but only for a file that will need it:
// a small APK goes up in one PUT, hashed on the main thread.
describe('prepareToUpload', () => {
  it('starts the hashing thread ahead only for a file that will go up in parts', async () => {
    const options = { multipartThresholdBytes: 4096 };
    const small = join(dir, 'small.apk');
    writeFileSync(small, randomBytes(4095));
    await prepareToUpload(small, options);
    expect(hasSpareThread()).toBe(false);
    await prepareToUpload(join(dir, 'missing.apk'), { multipartThresholdBytes: 1 });
    expect(hasSpareThread()).toBe(false);

    const large = join(dir, 'large.apk');
    writeFileSync(large, randomBytes(4096));
    await prepareToUpload(large, options);
    expect(hasSpareThread()).toBe(true);
    // The upload that follows takes it.
    const hasher = new PartHasher();
    expect(hasSpareThread()).toBe(false);
    await hasher.close();
  });
});
