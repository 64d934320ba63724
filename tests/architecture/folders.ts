// Owns: the folder graph (which folder imports which) and its cycles.
// A folder is a unit a reader learns as one piece: a server layer, a feature module,
// a mini-program page or subpackage. A file at the top of a source root (app.ts,
// shared's index.ts) stands for itself, so a barrel does not glue its folder to others.
import { describeImport, type Import } from './sources';

/** Longer prefixes first: a feature module is a node of its own, not part of `modules`. */
const folderRoots = ['server/src/modules/', 'server/src/', 'server/bench/', 'shared/src/', 'miniapp/src/packages/', 'miniapp/src/pages/', 'miniapp/src/'];

/** The folder node a file belongs to; undefined for files outside the graph (tests/). */
export function folderOf(file: string): string | undefined {
  const root = folderRoots.find((prefix) => file.startsWith(prefix));
  if (root === undefined) return undefined;
  if (root === 'server/bench/') return 'server/bench';
  const [top, ...rest] = file.slice(root.length).split('/');
  return rest.length === 0 ? file : root + top;
}

/** Folder -> folder, with the first import seen for each edge as its example. */
export type FolderGraph = Map<string, Map<string, Import>>;

export function folderGraph(imports: Import[]): FolderGraph {
  const graph: FolderGraph = new Map();
  for (const imp of imports) {
    const from = folderOf(imp.file);
    const to = imp.target === undefined ? undefined : folderOf(imp.target);
    if (from === undefined || to === undefined || from === to) continue;
    const edges = graph.get(from) ?? new Map<string, Import>();
    if (!edges.has(to)) edges.set(to, imp);
    graph.set(from, edges);
  }
  return graph;
}

/** Strongly connected components of more than one folder, each sorted; Tarjan's algorithm. */
export function folderCycles(graph: FolderGraph): string[][] {
  const index = new Map<string, number>();
  const lowLink = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const components: string[][] = [];

  const connect = (node: string): void => {
    index.set(node, index.size);
    lowLink.set(node, index.get(node)!);
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node)?.keys() ?? []) {
      if (!index.has(next)) {
        connect(next);
        lowLink.set(node, Math.min(lowLink.get(node)!, lowLink.get(next)!));
      } else if (onStack.has(next)) {
        lowLink.set(node, Math.min(lowLink.get(node)!, index.get(next)!));
      }
    }
    if (lowLink.get(node) !== index.get(node)) return;
    const component: string[] = [];
    let member: string;
    do {
      member = stack.pop()!;
      onStack.delete(member);
      component.push(member);
    } while (member !== node);
    if (component.length > 1) components.push(component.sort());
  };

  for (const node of graph.keys()) if (!index.has(node)) connect(node);
  return components.sort((a, b) => a[0]!.localeCompare(b[0]!));
}

export interface FolderEdge {
  from: string;
  to: string;
  /** One import that makes the edge. */
  example: Import;
}

/** `server/src/db -> server/src/modules/events`: how lists and messages name an edge. */
export function edgeName(edge: { from: string; to: string }): string {
  return `${edge.from} -> ${edge.to}`;
}

/** The edges that keep a cycle's folders tied to each other. */
export function edgesWithin(cycle: string[], graph: FolderGraph): FolderEdge[] {
  const members = new Set(cycle);
  return cycle.flatMap((from) => [...(graph.get(from) ?? [])].filter(([to]) => members.has(to)).map(([to, example]) => ({ from, to, example })));
}

/** One line per edge inside the cycle, each with an import that makes it. */
export function describeCycle(cycle: string[], graph: FolderGraph, isNew: (edge: FolderEdge) => boolean): string {
  const lines = edgesWithin(cycle, graph).map((edge) => `  ${isNew(edge) ? 'NEW ' : ''}${edgeName(edge)}  (${describeImport(edge.example)})`);
  return [`cycle between ${cycle.join(', ')}:`, ...lines].join('\n');
}
