// The mini-program takes the server's response types from @kepu/shared and
// keeps zod out of its bundle: views are imported as types only, and the few
// runtime values it needs come from shared modules that do not import zod.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const srcDir = join(__dirname, '..');
const sharedDir = join(__dirname, '..', '..', '..', 'shared', 'src');

/** Shared modules free of zod, safe to import as values. */
const zodFree = [
  '@kepu/shared/errors',
  '@kepu/shared/time',
  '@kepu/shared/audit-actions',
  '@kepu/shared/states',
  '@kepu/shared/volunteers/skills',
  '@kepu/shared/rules/event-review',
  '@kepu/shared/rules/checkin-code',
  '@kepu/shared/rules/event-times',
  '@kepu/shared/rules/seats',
  '@kepu/shared/rules/signup-window',
  '@kepu/shared/rules/recommend',
  '@kepu/shared/rules/series',
];

/** A shared module and every shared module it imports, relative imports followed. */
function withImports(path: string, seen = new Set<string>()): string[] {
  if (seen.has(path)) return [];
  seen.add(path);
  const text = readFileSync(path, 'utf8');
  const relativeImports = [...text.matchAll(/from '(\.\.?\/[^']*)'/g)].map((m) => join(path, '..', `${m[1]}.ts`));
  return [path, ...relativeImports.flatMap((next) => withImports(next, seen))];
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

const sharedImports = sourceFiles(srcDir).flatMap((file) => {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/\b(import|export)\s+(type\s+)?[^;]*?\bfrom\s+'(@kepu\/shared[^']*)'/gs)].map((m) => ({
    file: relative(srcDir, file),
    typeOnly: Boolean(m[2]),
    module: m[3]!,
  }));
});

describe('what the mini-program takes from @kepu/shared', () => {
  it('imports the shared views and schemas as types only; values come from zod-free modules', () => {
    expect(sharedImports.length).toBeGreaterThan(20);
    const valueImports = sharedImports.filter((i) => !i.typeOnly && !zodFree.includes(i.module));
    expect(valueImports).toEqual([]);
  });

  it('the zod-free modules it imports as values really do not import zod, nor does anything they import', () => {
    for (const module of zodFree) {
      const files = withImports(join(sharedDir, `${module.replace('@kepu/shared/', '')}.ts`));
      const withZod = files.filter((file) => /from 'zod'/.test(readFileSync(file, 'utf8'))).map((file) => relative(sharedDir, file));
      expect({ module, withZod }).toEqual({ module, withZod: [] });
    }
  });

  it('declares no response types of its own: services/types.ts is gone', () => {
    expect(sourceFiles(srcDir).map((file) => relative(srcDir, file))).not.toContain(join('services', 'types.ts'));
  });
});
