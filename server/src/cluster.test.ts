import { respawnDelayMs } from './cluster';

describe('replacing dead workers', () => {
  it('replaces a worker that ran a while at once, and backs off doubling up to a minute while they keep dying young', () => {
    expect([0, 1, 2, 3, 4, 6, 7, 20].map(respawnDelayMs)).toEqual([0, 1_000, 2_000, 4_000, 8_000, 32_000, 60_000, 60_000]);
  });
});
