// Architecture checks over the source tree (issue 11, "Done when"). They keep the layering
// a reader relies on from drifting back:
// - http/ is the outermost server layer: only the composition root (app.ts, main.ts, and
//   the bench, which composes an app the same way) may import it;
// - core/ is the innermost: it depends on packages and @kepu/shared, nothing else of the server;
// - no import circles between folders, so every folder can be read (and moved) bottom-up;
// - shared/ holds only what both sides use; one-sided code belongs to that side.
// Run alone with `npm run check:architecture`. Each failure names files and imports.
import { describeCycle, edgeName, edgesWithin, folderCycles, folderGraph, type FolderEdge } from './folders';
import { sharedExportUsage, type SharedExport, type Usage } from './shared-usage';
import { describeImport, readSourceTree, type Import } from './sources';

/**
 * Folder edges that are part of an import cycle today (issue 11 asks for none). The lead
 * empties this list: breaking an edge makes others drop out of their cycle, and the test
 * then names the lines to delete. An edge not listed here that closes a cycle fails.
 */
const KNOWN_CYCLE_EDGES: string[] = [
  // Feature modules read each other's entities and call each other's services.
  'server/src/modules/audit -> server/src/modules/users',
  'server/src/modules/events -> server/src/modules/organizations',
  'server/src/modules/events -> server/src/modules/plans',
  'server/src/modules/events -> server/src/modules/audit',
  'server/src/modules/events -> server/src/modules/signups',
  'server/src/modules/events -> server/src/modules/volunteers',
  'server/src/modules/organizations -> server/src/modules/audit',
  'server/src/modules/organizations -> server/src/modules/users',
  'server/src/modules/plans -> server/src/modules/volunteers',
  'server/src/modules/plans -> server/src/modules/events',
  'server/src/modules/plans -> server/src/modules/signups',
  'server/src/modules/signups -> server/src/modules/audit',
  'server/src/modules/signups -> server/src/modules/events',
  'server/src/modules/signups -> server/src/modules/organizations',
  'server/src/modules/users -> server/src/modules/organizations',
  'server/src/modules/users -> server/src/modules/events',
  'server/src/modules/users -> server/src/modules/signups',
  'server/src/modules/users -> server/src/modules/audit',
  'server/src/modules/users -> server/src/modules/volunteers',
  'server/src/modules/volunteers -> server/src/modules/audit',
  'server/src/modules/volunteers -> server/src/modules/events',
  'server/src/modules/volunteers -> server/src/modules/organizations',
  'server/src/modules/volunteers -> server/src/modules/signups',
  'server/src/modules/volunteers -> server/src/modules/users',
];

/**
 * Shared exports that only one side (or neither) uses today, with who uses them. Each one
 * should move to its side (or go); then delete its line. Same rules as above.
 */
const KNOWN_ONE_SIDED_SHARED_EXPORTS: Record<string, Usage> = {
  // Response shapes the app types by hand (miniapp/src/services/types.ts) or the server does not use.
  ApiErrorBody: 'none',
  // Request bodies and queries the app sends without the shared type.
  DevLogin: 'server',
  devLoginSchema: 'server',
  WxLogin: 'server',
  wxLoginSchema: 'server',
  CancelEvent: 'server',
  cancelEventSchema: 'server',
  Checkin: 'server',
  checkinSchema: 'server',
  CreateEventSeries: 'server',
  createEventSeriesSchema: 'server',
  Recurrence: 'server',
  recurrenceSchema: 'server',
  signupListQuerySchema: 'server',
  campaignsQuerySchema: 'server',
  ImportPlan: 'server',
  importPlanQuerySchema: 'server',
  importPlanSchema: 'server',
  UpdateShift: 'server',
  updateShiftSchema: 'server',
  volunteerListQuerySchema: 'server',
  // Server-only date rule.
  parseDateBound: 'server',
};

/**
 * Imports of http/ from below it that exist today, as `file -> imported file`.
 * deps.ts (AppDeps, imported by every module's routes) names http's RateLimiter type.
 */
const KNOWN_HTTP_IMPORTS: string[] = ['server/src/deps.ts -> server/src/http/rate-limit.ts'];

/** The composition root wires http/ to everything else, so it alone may import http/. */
function isCompositionRoot(file: string): boolean {
  return file === 'server/src/app.ts' || file === 'server/src/main.ts' || file.startsWith('server/bench/');
}

const tree = readSourceTree();
// Tests and fixtures may reach into any layer to set a scene; the rules are about the code they test.
const testFiles = new Set(tree.files.filter((file) => file.isTest).map((file) => file.path));
const layered = tree.imports.filter((imp) => !testFiles.has(imp.file));

function listImports(imports: Import[]): string {
  return imports.map((imp) => `  ${describeImport(imp)}`).join('\n');
}

describe('the server layers', () => {
  const httpImports = layered.filter(
    (imp) =>
      imp.target?.startsWith('server/src/http/') &&
      imp.file.startsWith('server/') &&
      !imp.file.startsWith('server/src/http/') &&
      !isCompositionRoot(imp.file),
  );
  const httpImportName = (imp: Import) => `${imp.file} -> ${imp.target}`;

  it('imports http/ only from http/ itself and the composition root', () => {
    const fresh = httpImports.filter((imp) => !KNOWN_HTTP_IMPORTS.includes(httpImportName(imp)));
    expect(listImports(fresh)).toBe('');
  });

  it('has an exact list of the http/ imports still to remove (KNOWN_HTTP_IMPORTS)', () => {
    const current = new Set(httpImports.map(httpImportName));
    const stale = KNOWN_HTTP_IMPORTS.filter((name) => !current.has(name));
    expect(stale.map((name) => `gone, remove from KNOWN_HTTP_IMPORTS: ${name}`)).toEqual([]);
  });

  it('keeps core/ free of the rest of the server', () => {
    const offending = layered.filter(
      (imp) =>
        imp.file.startsWith('server/src/core/') &&
        imp.target?.startsWith('server/') &&
        !imp.target.startsWith('server/src/core/'),
    );
    expect(listImports(offending)).toBe('');
  });
});

describe('the folders', () => {
  const graph = folderGraph(layered);
  const cycles = folderCycles(graph);
  const known = new Set(KNOWN_CYCLE_EDGES);
  const isNew = (edge: FolderEdge) => !known.has(edgeName(edge));

  it('import each other without circles', () => {
    const fresh = cycles.filter((cycle) => edgesWithin(cycle, graph).some(isNew));
    expect(fresh.map((cycle) => describeCycle(cycle, graph, isNew)).join('\n\n')).toBe('');
  });

  it('have an exact list of the cycle edges still to break (KNOWN_CYCLE_EDGES)', () => {
    const current = new Set(cycles.flatMap((cycle) => edgesWithin(cycle, graph).map(edgeName)));
    const stale = KNOWN_CYCLE_EDGES.filter((edge) => !current.has(edge));
    expect(stale.map((edge) => `no longer in a cycle, remove from KNOWN_CYCLE_EDGES: ${edge}`)).toEqual([]);
  });
});

describe('shared/', () => {
  const usage = sharedExportUsage(tree);
  const oneSided = usage.filter((entry) => entry.usedBy !== 'both');
  const describeUsage = (entry: SharedExport) => {
    const who = entry.usedBy === 'none' ? 'neither side' : `the ${entry.usedBy} only`;
    const where = [entry.example.server, entry.example.app].filter((example) => example !== undefined);
    return [`${entry.name} (${entry.file}) is used by ${who}`, ...where].join('; ');
  };

  it('exports only what both the server and the app use', () => {
    const fresh = oneSided.filter((entry) => KNOWN_ONE_SIDED_SHARED_EXPORTS[entry.name] === undefined);
    expect(fresh.map(describeUsage)).toEqual([]);
  });

  it('has an exact list of the one-sided exports still to move (KNOWN_ONE_SIDED_SHARED_EXPORTS)', () => {
    const current = new Map(oneSided.map((entry) => [entry.name, entry.usedBy]));
    const stale = Object.entries(KNOWN_ONE_SIDED_SHARED_EXPORTS)
      .filter(([name, usedBy]) => current.get(name) !== usedBy)
      .map(([name, usedBy]) => `${name}: listed as ${usedBy}, now ${current.get(name) ?? 'used by both or gone'}`);
    expect(stale).toEqual([]);
  });
});
