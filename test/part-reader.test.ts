// The multipart reader holds at most `slots` parts: a 5 GB APK must not cost 5 GB of memory, nor
// a fresh buffer per part (page faults and collector sweeps a 2-core runner pays in upload time).
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { HashedPart } from '../src/obs/part-hasher.js';
import { PartReader, type Hasher } from '../src/obs/part-reader.js';

const dir = mkdtempSync(join(tmpdir(), 'part-reader-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const md5 = (data: Buffer, encoding: 'hex' | 'base64') => createHash('md5').update(data).digest(encoding);

describe('PartReader', () => {
  it('reuses its part buffers: a read waits for a release once every slot is taken', async () => {
    const content = randomBytes(5 * 1024 + 100);
    const file = join(dir, 'five-parts.bin');
    writeFileSync(file, content);
    const reader = await PartReader.open(file, content.length, 1024, 2);
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
    const reader = await PartReader.open(file, content.length, 1024, 1, hasher);
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

  it('reads the first part ahead when asked (prefetch), and hands that read to read(0)', async () => {
    const content = randomBytes(3 * 1024);
    const file = join(dir, 'prefetch.bin');
    writeFileSync(file, content);
    const reader = await PartReader.open(file, content.length, 1024, 2);
    try {
      reader.prefetch();
      reader.prefetch();
      await new Promise((resolve) => setTimeout(resolve, 50));
      // Read ahead: later bytes on disk do not change the first part.
      writeFileSync(file, Buffer.concat([Buffer.alloc(1024), content.subarray(1024)]));
      const first = await reader.read(0);
      expect(Buffer.compare(first.data, content.subarray(0, 1024))).toBe(0);
      reader.release(first);
      for (const i of [1, 2]) reader.release(await reader.read(i));
      expect(await reader.digest()).toBe(md5(content, 'hex'));
    } finally {
      await reader.close();
    }
    // Read ahead and never asked for (the object was already there): closing is enough.
    const unused = await PartReader.open(file, content.length, 1024, 2);
    unused.prefetch();
    await unused.close();
  });
});
