import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '..');

function files(dir: string): string[] {
  return readdirSync(join(root, dir), { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

/** Sentences of a file, with comment markers and line breaks folded away. */
function sentences(text: string): string[] {
  // Paragraphs, list items and table rows first, so that a table never reads as one sentence.
  return text
    .replace(/^\s*(\/\/|\*|\/\*\*?|#+|>)\s?/gm, '')
    .split(/\n\s*(?:\n|- |\|)/)
    .flatMap((block) => block.replace(/\s+/g, ' ').split(/(?<=[.!?])\s+(?=[A-Z`*])/));
}

describe('claims about the real services', () => {
  it('nowhere says that a repeated x-request-id de-duplicates a submit (no Huawei source does)', () => {
    const docs = readdirSync(join(root, 'docs'))
      .filter((name) => name.endsWith('.md'))
      .map((name) => `docs/${name}`);
    const sources = ['README.md', ...docs, 'emulator/README.md', ...files('src'), ...files('emulator')];
    const claims = sources.flatMap((file) =>
      sentences(readFileSync(join(root, file), 'utf8'))
        .filter((s) => /x-request-id/i.test(s) && /(de-?dup|duplicat|two jobs|twice|idempot)/i.test(s))
        .filter((s) => !/(no (huawei )?source|not assumed|does not rely|nothing here relies)/i.test(s))
        .map((s) => `${file}: ${s}`),
    );
    expect(claims).toEqual([]);
  });

  it('marks deploy-app-version experimental in action.yml and the README', () => {
    const action = readFileSync(join(root, 'action.yml'), 'utf8');
    expect(action).toMatch(/deploy-app-version \(CPH servers; experimental/);
    expect(action).toMatch(/deploy-app-version \(experimental\)/);
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    expect(readme).toMatch(/### deploy-app-version\n\n> \*\*Experimental\.\*\*/);
  });

  it('keeps the section that says what is verified and what is inferred (docs/how-it-works.md)', () => {
    const page = readFileSync(join(root, 'docs/how-it-works.md'), 'utf8');
    const section = page.split('## How it talks to Huawei Cloud')[1]?.split('\n## ')[0] ?? '';
    expect(section).toContain('**Verified from an official source**');
    expect(section).toContain('**Inferred**');
  });
});
