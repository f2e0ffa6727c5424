// The suite writes its temporary files under a directory of its own (test/support/temp-dir.ts), and
// removes it when it ends: before, one `npm test` left some 350 folders (150 MB) in the temp directory.
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import setup from './support/temp-dir.js';

describe('the temp directory of the test run', () => {
  it('is a directory of its own for this run', () => {
    expect(basename(tmpdir())).toMatch(/^cpd-tests-/);
  });

  it('is removed with what is in it when the run ends, and TMPDIR is given back', () => {
    const saved = process.env.TMPDIR;
    const teardown = setup();
    const dir = process.env.TMPDIR ?? '';
    try {
      expect(basename(dir)).toMatch(/^cpd-tests-/);
      writeFileSync(join(mkdtempSync(join(dir, 'x-')), 'file'), 'bytes');
    } finally {
      teardown();
    }
    expect(existsSync(dir)).toBe(false);
    expect(process.env.TMPDIR).toBe(saved);
  });
});
