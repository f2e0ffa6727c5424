// src/ is layered, and data flows one way through it. A module that imports, even only a type, from a
// module that imports it back, or from a layer above its own, blurs which layer owns what. This test
// reads every import the TypeScript parser sees (`import type`, `export ... from`, `import('...')`
// calls and types) and fails on any cycle and on any import that runs back up the layers, naming it.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const SRC = resolve(import.meta.dirname, '../src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

/** Every module specifier in a file, type-only and dynamic imports included. */
function specifiers(file: string, text: string): string[] {
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier) {
      if (ts.isStringLiteral(node.moduleSpecifier)) found.push(node.moduleSpecifier.text);
    } else if (ts.isImportTypeNode(node)) {
      const literal = ts.isLiteralTypeNode(node.argument) ? node.argument.literal : undefined;
      if (literal && ts.isStringLiteral(literal)) found.push(literal.text);
    } else if (
      ts.isCallExpression(node) &&
      node.expression.kind === ts.SyntaxKind.ImportKeyword &&
      node.arguments[0] &&
      ts.isStringLiteralLike(node.arguments[0])
    ) {
      found.push(node.arguments[0].text);
    }
    ts.forEachChild(node, visit);
  };
  visit(ts.createSourceFile(file, text, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS));
  return found;
}

/** Module -> the modules of src/ it imports; `.js` specifiers name the `.ts` sources (NodeNext). */
function importGraph(files: string[]): Map<string, string[]> {
  const known = new Set(files);
  const graph = new Map<string, string[]>();
  for (const file of files) {
    const targets = specifiers(file, readFileSync(file, 'utf8'))
      .filter((spec) => spec.startsWith('.'))
      .map((spec) => resolve(dirname(file), spec).replace(/\.js$/, '.ts'))
      .filter((target) => known.has(target));
    graph.set(file, [...new Set(targets)]);
  }
  return graph;
}

/** Each strongly connected component of more than one module (or a module importing itself), as a path. */
function cycles(graph: Map<string, string[]>): string[][] {
  // Tarjan's algorithm: every cycle lies inside one component, so one report per component suffices.
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  let next = 0;
  const connect = (node: string): void => {
    index.set(node, next);
    low.set(node, next++);
    stack.push(node);
    onStack.add(node);
    for (const target of graph.get(node) ?? []) {
      if (!index.has(target)) {
        connect(target);
        low.set(node, Math.min(low.get(node)!, low.get(target)!));
      } else if (onStack.has(target)) {
        low.set(node, Math.min(low.get(node)!, index.get(target)!));
      }
    }
    if (low.get(node) !== index.get(node)) return;
    const component: string[] = [];
    let member: string;
    do {
      member = stack.pop()!;
      onStack.delete(member);
      component.push(member);
    } while (member !== node);
    if (component.length > 1 || graph.get(node)?.includes(node)) found.push(cyclePath(graph, component));
  };
  for (const node of [...graph.keys()].sort()) if (!index.has(node)) connect(node);
  return found;
}

/** One concrete cycle through a component, for a message a reader can follow: a -> b -> a. */
function cyclePath(graph: Map<string, string[]>, component: string[]): string[] {
  const members = new Set(component);
  const start = [...component].sort()[0]!;
  // Breadth-first from start back to start, staying inside the component: the shortest such cycle.
  const previous = new Map<string, string>();
  const queue = [start];
  while (queue.length) {
    const node = queue.shift()!;
    for (const target of graph.get(node) ?? []) {
      if (!members.has(target)) continue;
      if (target === start) {
        const path = [start];
        for (let at: string | undefined = node; at !== undefined && at !== start; at = previous.get(at))
          path.splice(1, 0, at);
        return [...path, start].map((file) => relative(SRC, file));
      }
      if (previous.has(target)) continue;
      previous.set(target, node);
      queue.push(target);
    }
  }
  return component.map((file) => relative(SRC, file));
}

/**
 * The layers of src/, top first: a module may import from its own layer or a lower one, never from a
 * higher one. The entry runs the pipeline and reports; the pipeline (run/) drives the operations; they
 * call the services (api/, obs/, apk/, auth/); everything rests on the HTTP plumbing, the validated
 * inputs and the one logging gate.
 */
const LAYERS: readonly (readonly string[])[] = [
  ['main.ts', 'index.ts'],
  ['report'],
  ['run', 'operations'],
  ['api', 'obs', 'apk', 'auth'],
  ['http', 'inputs', 'log', 'zod.ts'],
];

/** The layer of a module: its folder (or root file) under src/, looked up in LAYERS. */
function layerOf(file: string): number {
  const top = relative(SRC, file).split('/')[0]!;
  const layer = LAYERS.findIndex((names) => names.includes(top));
  if (layer < 0) throw new Error(`${top} (src/${relative(SRC, file)}) is in no layer: add it to LAYERS`);
  return layer;
}

/** Each import that runs back up: "from -> to". */
function upwardImports(graph: Map<string, string[]>): string[] {
  return [...graph].flatMap(([from, targets]) =>
    targets
      .filter((to) => layerOf(to) < layerOf(from))
      .map((to) => `${relative(SRC, from)} -> ${relative(SRC, to)}`),
  );
}

describe('src/ imports run down the layers only', () => {
  it('finds an import from a lower layer into a higher one (the check is not vacuous)', () => {
    const graph = new Map([
      [join(SRC, 'run/a.ts'), [join(SRC, 'api/b.ts'), join(SRC, 'operations/c.ts')]],
      [join(SRC, 'inputs/d.ts'), [join(SRC, 'report/e.ts')]],
    ]);
    expect(upwardImports(graph)).toEqual(['inputs/d.ts -> report/e.ts']);
  });

  it('places every folder of src/ in a layer', () => {
    for (const file of sourceFiles(SRC)) expect(() => layerOf(file)).not.toThrow();
  });

  it('has none among the modules of src/, type-only imports included', () => {
    expect(upwardImports(importGraph(sourceFiles(SRC)))).toEqual([]);
  });
});

describe('src/ has no import cycles', () => {
  it('finds a cycle in a graph that has one (the check is not vacuous)', () => {
    const graph = new Map([
      [join(SRC, 'a.ts'), [join(SRC, 'b.ts')]],
      [join(SRC, 'b.ts'), [join(SRC, 'c.ts')]],
      [join(SRC, 'c.ts'), [join(SRC, 'a.ts')]],
      [join(SRC, 'd.ts'), [join(SRC, 'a.ts')]],
    ]);
    expect(cycles(graph)).toEqual([['a.ts', 'b.ts', 'c.ts', 'a.ts']]);
  });

  it('sees type-only, re-exported and dynamic imports', () => {
    const text = [
      "import type { A } from './a.js';",
      "export { B } from './b.js';",
      "type C = import('./c.js').C;",
      "const d = () => import('./d.js');",
    ].join('\n');
    expect(specifiers('x.ts', text)).toEqual(['./a.js', './b.js', './c.js', './d.js']);
  });

  it('has none among the modules of src/, type-only imports included', () => {
    const graph = importGraph(sourceFiles(SRC));
    expect(graph.size).toBeGreaterThan(50);
    expect(cycles(graph).map((path) => path.join(' -> '))).toEqual([]);
  });
});

describe('emulator/ has no import cycles', () => {
  it('has none among its modules, type-only imports included', () => {
    const graph = importGraph(sourceFiles(resolve(SRC, '../emulator')));
    expect(graph.size).toBeGreaterThan(15);
    expect(cycles(graph).map((path) => path.join(' -> '))).toEqual([]);
  });
});
