// Every audit action the server writes as a literal has a name in words, so the audit page can
// show it and an admin can filter by it (an unnamed one answers 400 to its own filter).
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { auditActionLabels } from '../../shared/src/audit-actions';
import { repoRoot } from './sources';

function serverSources(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) return serverSources(path);
    return path.endsWith('.ts') && !path.endsWith('.test.ts') ? [path] : [];
  });
}

describe('audit actions', () => {
  it('when the server records an action, the audit page has a name for it', () => {
    const written = new Set<string>();
    for (const file of serverSources(join(repoRoot, 'server', 'src'))) {
      for (const match of readFileSync(file, 'utf8').matchAll(/action: '([a-z_]+\.[a-z_.]+)'/g)) written.add(match[1]!);
    }
    expect(written.size).toBeGreaterThan(5);
    expect([...written].filter((action) => !(action in auditActionLabels))).toEqual([]);
  });
});
