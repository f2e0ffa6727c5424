// docs/inputs.md is generated from action.yml by `npm run docs` (scripts/docs.ts): these tests fail when the
// committed page is stale, and show that the generator refuses an input it cannot place.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { micromark } from 'micromark';
import { gfm, gfmHtml } from 'micromark-extension-gfm';
import { describe, expect, it } from 'vitest';
import { INPUTS_DOC, readActionYml, renderInputsDoc } from '../scripts/docs.js';
const actionYml = readFileSync(resolve(import.meta.dirname, '../action.yml'), 'utf8');

describe('docs/inputs.md', () => {
  it('is what `npm run docs` writes from action.yml (run it after changing an input or output)', async () => {
    expect(readFileSync(INPUTS_DOC, 'utf8')).toBe(await renderInputsDoc(actionYml));
  });

  it('shows every input and output of action.yml with its description as written', async () => {
    const html = micromark(await renderInputsDoc(actionYml), {
      extensions: [gfm()],
      htmlExtensions: [gfmHtml()],
    });
    const text = html
      .replace(/<[^>]+>/g, '')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&amp;/g, '&');
    const { inputs, outputs } = readActionYml(actionYml);
    expect(inputs.length).toBeGreaterThan(40);
    for (const entry of [...inputs, ...outputs]) {
      expect(html, entry.name).toContain(`<code>${entry.name}</code>`);
      expect(text, entry.name).toContain(entry.description);
    }
  });

  it('refuses an action.yml input that no group lists, and a group entry action.yml lacks', async () => {
    const added = actionYml.replace(
      /^inputs:\n/m,
      'inputs:\n  brand-new:\n    description: Something new.\n    required: false\n',
    );
    await expect(renderInputsDoc(added)).rejects.toThrow(
      'action.yml inputs in no group of scripts/docs.ts (add them to GROUPS): brand-new',
    );
    const removed = actionYml.replace(/^ {2}wave-pause:\n(?: {4}.*\n)+/m, '');
    expect(removed).not.toBe(actionYml);
    await expect(renderInputsDoc(removed)).rejects.toThrow(
      'GROUPS in scripts/docs.ts name inputs action.yml lacks: wave-pause',
    );
  });
});
