// Owns: which side (server, app) uses each export of shared/.
// A shared export is used by a side when that side imports it, or when something the
// side uses refers to it inside shared (a view built from an enum uses the enum).
// A type derived from one value (`z.infer<typeof fooSchema>`, `(typeof kinds)[number]`)
// is one family with it: the server validating with `fooSchema` and the app typing
// with `Foo` use the same thing.
// Does not own: reading consumers' imports (sources.ts).
import path from 'node:path';
import ts from 'typescript';
import { describeImport, repoRoot, type Import, type SourceTree } from './sources';

export type Side = 'server' | 'app';
export type Usage = Side | 'none';

export interface SharedExport {
  name: string;
  /** The shared file that declares it. */
  file: string;
  usedBy: Usage | 'both';
  /** One direct import per side, for the message. */
  example: Partial<Record<Side, string>>;
}

/** Which side a consumer file is on; undefined for shared itself and for files of neither. */
function sideOf(file: string): Side | undefined {
  if (/^(server\/src|server\/bench|tests\/api)\//.test(file)) return 'server';
  if (file.startsWith('miniapp/src/')) return 'app';
  return undefined;
}

/** A top-level declaration of a shared file, named `file#name`. */
type Key = string;

export function sharedExportUsage(tree: SourceTree): SharedExport[] {
  const sharedFiles = tree.files.filter((file) => file.path.startsWith('shared/src/') && !file.isTest);
  // Only names are resolved, never types: without lib files and zod's declarations the
  // program builds in ~0.1 s, and shared's own files still see each other.
  const program = ts.createProgram(
    sharedFiles.map((file) => path.join(repoRoot, file.path)),
    {
      module: ts.ModuleKind.CommonJS,
      moduleResolution: ts.ModuleResolutionKind.Node10,
      noEmit: true,
      noLib: true,
      noResolve: true,
      types: [],
    },
  );
  const shared = new SharedDeclarations(program);
  const direct = directUses(tree.imports, shared);
  const reached = { server: shared.reachableFrom(direct.server.keys()), app: shared.reachableFrom(direct.app.keys()) };
  return shared.exported().map(({ key, name, file }) => {
    const server = reached.server.has(key);
    const app = reached.app.has(key);
    const usedBy = server && app ? 'both' : server ? 'server' : app ? 'app' : 'none';
    const example = { server: direct.server.get(key), app: direct.app.get(key) };
    return { name, file, usedBy, example };
  });
}

/** Per side: each shared declaration it imports, with the first import as its example. */
function directUses(imports: Import[], shared: SharedDeclarations): Record<Side, Map<Key, string>> {
  const uses: Record<Side, Map<Key, string>> = { server: new Map(), app: new Map() };
  for (const imp of imports) {
    const side = sideOf(imp.file);
    if (side === undefined || !imp.target?.startsWith('shared/src/')) continue;
    for (const key of shared.keysImportedBy(imp)) {
      if (!uses[side].has(key)) uses[side].set(key, describeImport(imp));
    }
  }
  return uses;
}

/** The shared program seen as top-level declarations that refer to each other. */
class SharedDeclarations {
  private readonly checker: ts.TypeChecker;
  private readonly keyOfDeclaration = new Map<ts.Node, Key>();
  private readonly references = new Map<Key, Set<Key>>();

  constructor(private readonly program: ts.Program) {
    this.checker = program.getTypeChecker();
    for (const source of this.sourceFiles()) {
      for (const [name, declaration] of topLevelDeclarations(source)) {
        this.keyOfDeclaration.set(declaration, `${repoPath(source)}#${name}`);
      }
    }
    for (const [declaration, key] of this.keyOfDeclaration) this.linkReferences(declaration, key);
  }

  /** Every declaration a shared file exports itself (re-exports are the same declaration). */
  exported(): { key: Key; name: string; file: string }[] {
    const all = new Map<Key, { key: Key; name: string; file: string }>();
    for (const source of this.sourceFiles()) {
      for (const symbol of this.exportsOf(source)) {
        const key = this.keyOf(symbol);
        if (key !== undefined) all.set(key, { key, name: symbol.name, file: key.split('#')[0]! });
      }
    }
    return [...all.values()].sort((a, b) => a.key.localeCompare(b.key));
  }

  keysImportedBy(imp: Import): Key[] {
    const source = this.program.getSourceFile(path.join(repoRoot, imp.target!));
    if (!source) return [];
    const exports = this.exportsOf(source);
    const taken = imp.names === 'all' ? exports : exports.filter((symbol) => imp.names.includes(symbol.name));
    return taken.flatMap((symbol) => this.keyOf(symbol) ?? []);
  }

  /** The declarations a side runs or types with, given those it imports. */
  reachableFrom(start: Iterable<Key>): Set<Key> {
    const seen = new Set<Key>();
    const pending = [...start];
    while (pending.length > 0) {
      const key = pending.pop()!;
      if (seen.has(key)) continue;
      seen.add(key);
      pending.push(...(this.references.get(key) ?? []));
    }
    return seen;
  }

  private sourceFiles(): ts.SourceFile[] {
    return this.program.getRootFileNames().map((name) => this.program.getSourceFile(name)!);
  }

  private exportsOf(source: ts.SourceFile): ts.Symbol[] {
    const module = this.checker.getSymbolAtLocation(source);
    return module ? this.checker.getExportsOfModule(module) : [];
  }

  /** The shared declaration a symbol (or the alias an import/re-export makes) stands for. */
  private keyOf(symbol: ts.Symbol): Key | undefined {
    const target = symbol.flags & ts.SymbolFlags.Alias ? this.checker.getAliasedSymbol(symbol) : symbol;
    for (const declaration of target.declarations ?? []) {
      const key = this.keyOfDeclaration.get(declaration);
      if (key !== undefined) return key;
    }
    return undefined;
  }

  /** Records what a declaration refers to; a type derived from one value links both ways. */
  private linkReferences(declaration: ts.Node, key: Key): void {
    const referred = new Set<Key>();
    const typeQueries = new Set<Key>();
    const visit = (node: ts.Node): void => {
      if (ts.isIdentifier(node) && !isPropertyName(node)) {
        const symbol = this.symbolOf(node);
        const target = symbol && this.keyOf(symbol);
        if (target !== undefined && target !== key) {
          referred.add(target);
          if (ts.isTypeQueryNode(node.parent)) typeQueries.add(target);
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(declaration);
    this.link(key, referred);
    const [family] = typeQueries;
    if (ts.isTypeAliasDeclaration(declaration) && referred.size === 1 && family !== undefined) {
      this.link(family, [key]);
    }
  }

  private link(from: Key, to: Iterable<Key>): void {
    const set = this.references.get(from) ?? new Set<Key>();
    for (const key of to) set.add(key);
    this.references.set(from, set);
  }

  private symbolOf(identifier: ts.Identifier): ts.Symbol | undefined {
    if (ts.isShorthandPropertyAssignment(identifier.parent)) {
      return this.checker.getShorthandAssignmentValueSymbol(identifier.parent);
    }
    return this.checker.getSymbolAtLocation(identifier);
  }
}

/** `x` in `a.x`, `{ x: 1 }`, `A.x`: names that cannot refer to a declaration of the file. */
function isPropertyName(identifier: ts.Identifier): boolean {
  const parent = identifier.parent;
  return (
    (ts.isPropertyAccessExpression(parent) && parent.name === identifier) ||
    (ts.isQualifiedName(parent) && parent.right === identifier) ||
    (ts.isPropertyAssignment(parent) && parent.name === identifier) ||
    (ts.isPropertySignature(parent) && parent.name === identifier) ||
    (ts.isPropertyDeclaration(parent) && parent.name === identifier) ||
    (ts.isMethodDeclaration(parent) && parent.name === identifier)
  );
}

/** Named declarations at the top of a file: functions, classes, types, enums, `const`s. */
function topLevelDeclarations(source: ts.SourceFile): [string, ts.Node][] {
  return source.statements.flatMap((statement): [string, ts.Node][] => {
    if (ts.isVariableStatement(statement)) {
      return statement.declarationList.declarations.flatMap((declaration): [string, ts.Node][] =>
        ts.isIdentifier(declaration.name) ? [[declaration.name.text, declaration]] : [],
      );
    }
    const named =
      ts.isFunctionDeclaration(statement) ||
      ts.isClassDeclaration(statement) ||
      ts.isInterfaceDeclaration(statement) ||
      ts.isTypeAliasDeclaration(statement) ||
      ts.isEnumDeclaration(statement);
    return named && statement.name ? [[statement.name.text, statement]] : [];
  });
}

function repoPath(source: ts.SourceFile): string {
  return path.relative(repoRoot, source.fileName).split(path.sep).join('/');
}
