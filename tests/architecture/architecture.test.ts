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
 * Folder edges allowed to be part of an import cycle: none (issue 11). Kept as a list so a
 * deliberate exception is written down, with its reason, rather than the check loosened.
 */
const KNOWN_CYCLE_EDGES: string[] = [];

/**
 * Shared exports that only one side (or neither) uses today, with who uses them and why they stay.
 * A new one-sided export fails; a listed one that both sides now use fails until its line goes.
 */
const KNOWN_ONE_SIDED_SHARED_EXPORTS: Record<string, Usage> = {
  // Responses of routes the app has no screen for yet: the admin and organization consoles, the plan
  // import and year-end screens (issues 12, 15, 16) will read them. They are the HTTP contract, so they
  // stay here; each line goes when its screen arrives.
  MemberRemovedView: 'server',
  // Saved venues: the form lists them and an event's save adds its venue; no screen saves or removes one by itself yet.
  SaveVenue: 'server',
  saveVenueSchema: 'server',
  VenueRemovedView: 'server',
  venueRemovedViewSchema: 'server',
  memberRemovedViewSchema: 'server',
  // The admins' delivery list is queried with its own filter words (投递失败 / 等待重试), not this schema's type.
  NotificationDeliveryQuery: 'server',
  notificationDeliveryQuerySchema: 'server',
  // The server-side halves of shapes the app reads: the envelope and error schemas validate what the
  // server sends (the app uses their types, Page and ApiErrorBody), and health is read by probes, not people.
  pageSchema: 'server',
  apiErrorBodySchema: 'server',
  ApiErrorBody: 'server',
  HealthView: 'server',
  healthViewSchema: 'server',
  // Requests the app does not send yet (plan import, shift edits, list filters of the consoles).
  signupListQuerySchema: 'server',
  campaignsQuerySchema: 'server',
  importPlanQuerySchema: 'server',
  UpdateShift: 'server',
  updateShiftSchema: 'server',
  volunteerListQuerySchema: 'server',
  // Dates as people write them: one module for every reader, so the screens' short forms live beside
  // the full dates the server's exports and certificate print (formatFullDate, formatFullDateTime).
  formatDateTime: 'app',
  formatDay: 'app',
  formatDaySpan: 'app',
  formatRange: 'app',
  FormatOptions: 'app',
};

/** Imports of http/ from below it that are allowed, as `file -> imported file`: none. */
const KNOWN_HTTP_IMPORTS: string[] = [];

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
      imp.target?.startsWith('server/src/http/') && imp.file.startsWith('server/') && !imp.file.startsWith('server/src/http/') && !isCompositionRoot(imp.file),
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
      (imp) => imp.file.startsWith('server/src/core/') && imp.target?.startsWith('server/') && !imp.target.startsWith('server/src/core/'),
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
