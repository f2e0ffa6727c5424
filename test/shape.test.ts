// The size of the house: an entry a reader takes in at once, and functions short enough to read
// whole. Declarative tables are data, not functions, so they are not counted.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const SRC = resolve(import.meta.dirname, '../src');
const MAX_FUNCTION_LINES = 80;
const MAX_MAIN_LINES = 150;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

/** Every function with a body (declarations, methods, arrows, expressions) longer than `max` lines. */
function longFunctions(file: string, text: string, max: number): string[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isFunctionLike(node) && 'body' in node && node.body) {
      const first = source.getLineAndCharacterOfPosition(node.getStart()).line;
      const last = source.getLineAndCharacterOfPosition(node.end).line;
      const lines = last - first + 1;
      const name = node.name && ts.isIdentifier(node.name) ? node.name.text : '(anonymous)';
      if (lines > max) found.push(`${file}:${first + 1} ${name}: ${lines} lines`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe('the shape of src/', () => {
  it('finds a long function, an arrow inside a call included (the check is not vacuous)', () => {
    const body = Array.from({ length: 5 }, (_, i) => `  const v${i} = ${i};`).join('\n');
    const text = `export function short() {\n${body}\n}\nrun(() => {\n${body}\n${body}\n});\n`;
    expect(longFunctions('x.ts', text, 8)).toEqual(['x.ts:8 (anonymous): 12 lines']);
  });

  it(`has no function over ${MAX_FUNCTION_LINES} lines`, () => {
    const files = sourceFiles(SRC);
    expect(files.length).toBeGreaterThan(50);
    const found = files.flatMap((file) =>
      longFunctions(relative(SRC, file), readFileSync(file, 'utf8'), MAX_FUNCTION_LINES),
    );
    expect(found).toEqual([]);
  });

  it(`keeps main.ts, the entry, within ${MAX_MAIN_LINES} lines`, () => {
    const lines = readFileSync(join(SRC, 'main.ts'), 'utf8').trimEnd().split('\n').length;
    expect(lines).toBeLessThanOrEqual(MAX_MAIN_LINES);
  });
});
