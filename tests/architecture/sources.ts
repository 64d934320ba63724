// Owns: reading the repo's TypeScript sources and the imports each file makes,
// resolved to repo files the way the builds resolve them (relative paths, `@/`, `@kepu/shared`).
// Does not own: what an import means for the architecture (folders.ts, shared-usage.ts).
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

export const repoRoot = path.resolve(__dirname, '../..');

/** Where the checked sources live; everything else (dist, node_modules, e2e) is ignored. */
const sourceRoots = ['shared/src', 'server/src', 'server/bench', 'miniapp/src', 'tests/api'];

export interface SourceFile {
  /** Repo-relative, forward slashes: `server/src/app.ts`. */
  path: string;
  ast: ts.SourceFile;
  /** Tests and fixtures: they use the code but are not part of its layering. */
  isTest: boolean;
}

export interface Import {
  /** The importing file, repo-relative. */
  file: string;
  line: number;
  specifier: string;
  /** The repo file it resolves to; undefined for packages (`zod`, `typeorm`). */
  target: string | undefined;
  /** The exported names it takes; 'all' for `export *`, `import()` and `require()`. */
  names: string[] | 'all';
}

export interface SourceTree {
  files: SourceFile[];
  imports: Import[];
}

export function readSourceTree(): SourceTree {
  const paths = sourceRoots.flatMap((root) => listFiles(root));
  const known = new Set(paths);
  const files = paths.filter(isTypeScript).map(parse);
  const imports = files.flatMap((file) => importsOf(file, known));
  return { files, imports };
}

/** `server/src/app.ts:12 imports './http/body'`: how every message names an import. */
export function describeImport(imp: Import): string {
  return `${imp.file}:${imp.line} imports '${imp.specifier}'`;
}

function listFiles(dir: string): string[] {
  const entries = fs.readdirSync(path.join(repoRoot, dir), { withFileTypes: true });
  return entries.flatMap((entry) => {
    const child = `${dir}/${entry.name}`;
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : listFiles(child);
    return [child];
  });
}

function isTypeScript(file: string): boolean {
  return /\.tsx?$/.test(file) && !file.endsWith('.d.ts');
}

function parse(file: string): SourceFile {
  const text = fs.readFileSync(path.join(repoRoot, file), 'utf8');
  const kind = file.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
  const ast = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, false, kind);
  const isTest = /\.(test|fixture)\.tsx?$/.test(file) || file.startsWith('tests/');
  return { path: file, ast, isTest };
}

function importsOf(file: SourceFile, known: Set<string>): Import[] {
  const found: Import[] = [];
  const add = (node: ts.Node, specifier: string, names: string[] | 'all') => {
    const line = file.ast.getLineAndCharacterOfPosition(node.getStart(file.ast)).line + 1;
    const target = resolveSpecifier(file.path, specifier, known);
    found.push({ file: file.path, line, specifier, target, names });
  };
  const visitOne = (node: ts.Node): void => {
    const specifier = moduleSpecifierOf(node);
    if (specifier !== undefined) add(node, specifier, importedNames(node, file.ast));
  };
  const visitAll = (node: ts.Node): void => {
    visitOne(node);
    ts.forEachChild(node, visitAll);
  };
  // Static imports sit at the top level; walk the whole tree only when the text has a
  // dynamic form (`import(`, `require(`), which keeps reading the tree fast.
  if (/\b(import|require)\s*\(/.test(file.ast.text)) visitAll(file.ast);
  else file.ast.statements.forEach(visitOne);
  return found;
}

/** The module a node imports from, for every form of import TypeScript has. */
function moduleSpecifierOf(node: ts.Node): string | undefined {
  if (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) {
    return node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier) ? node.moduleSpecifier.text : undefined;
  }
  if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference)) {
    const expression = node.moduleReference.expression;
    return ts.isStringLiteral(expression) ? expression.text : undefined;
  }
  if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument) && ts.isStringLiteral(node.argument.literal)) {
    return node.argument.literal.text;
  }
  if (ts.isCallExpression(node) && isImportOrRequire(node.expression)) {
    const [argument] = node.arguments;
    return argument && ts.isStringLiteralLike(argument) ? argument.text : undefined;
  }
  return undefined;
}

function isImportOrRequire(callee: ts.Expression): boolean {
  return callee.kind === ts.SyntaxKind.ImportKeyword || (ts.isIdentifier(callee) && callee.text === 'require');
}

/** The names an import takes from its module (the exported names, before any `as`). */
function importedNames(node: ts.Node, ast: ts.SourceFile): string[] | 'all' {
  if (ts.isImportDeclaration(node)) {
    const clause = node.importClause;
    if (!clause) return []; // `import './style.scss'`: a dependency, but no names
    const names = clause.name ? ['default'] : [];
    const bindings = clause.namedBindings;
    if (bindings && ts.isNamedImports(bindings)) {
      names.push(...bindings.elements.map((element) => (element.propertyName ?? element.name).text));
    }
    if (bindings && ts.isNamespaceImport(bindings)) names.push(...membersUsedThrough(bindings.name.text, ast));
    return names;
  }
  if (ts.isExportDeclaration(node)) {
    const clause = node.exportClause;
    if (!clause || !ts.isNamedExports(clause)) return 'all';
    return clause.elements.map((element) => (element.propertyName ?? element.name).text);
  }
  if (ts.isImportTypeNode(node) && node.qualifier) {
    return [ts.isIdentifier(node.qualifier) ? node.qualifier.text : leftmostName(node.qualifier)];
  }
  return 'all';
}

/** For `import * as shared from ...`: the names read as `shared.X` in the file. */
function membersUsedThrough(namespace: string, ast: ts.SourceFile): string[] {
  const names = new Set<string>();
  const visit = (node: ts.Node): void => {
    if (ts.isPropertyAccessExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === namespace) {
      names.add(node.name.text);
    }
    if (ts.isQualifiedName(node) && ts.isIdentifier(node.left) && node.left.text === namespace) {
      names.add(node.right.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(ast);
  return [...names];
}

function leftmostName(name: ts.EntityName): string {
  return ts.isIdentifier(name) ? name.text : leftmostName(name.left);
}

/** Resolves like the builds do; returns undefined for a package. */
export function resolveSpecifier(fromFile: string, specifier: string, known: Set<string>): string | undefined {
  const base = repoPathOf(fromFile, specifier);
  if (base === undefined) return undefined;
  const candidates = [
    base,
    base.replace(/\.js$/, '.ts'),
    ...['.ts', '.tsx', '.weapp.ts', '.weapp.tsx', '.h5.ts', '.h5.tsx'].map((extension) => base + extension),
    `${base}/index.ts`,
    `${base}/index.tsx`,
  ];
  // An import of a file the tree does not have still names a place in the repo:
  // keep the path so the folder check sees it instead of silently dropping it.
  return candidates.find((candidate) => known.has(candidate)) ?? base;
}

function repoPathOf(fromFile: string, specifier: string): string | undefined {
  if (specifier.startsWith('.')) return path.posix.join(path.posix.dirname(fromFile), specifier);
  if (specifier === '@kepu/shared') return 'shared/src/index';
  if (specifier.startsWith('@kepu/shared/')) return `shared/src/${specifier.slice('@kepu/shared/'.length)}`;
  if (specifier.startsWith('@/') && fromFile.startsWith('miniapp/')) return `miniapp/src/${specifier.slice(2)}`;
  return undefined;
}
