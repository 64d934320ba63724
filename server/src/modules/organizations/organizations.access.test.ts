import type { AuthUser } from '../../core/actor';
import { actsFor, isVisibleTo } from './organizations.access';

const at = (iso: string) => new Date(iso);
const user = (roles: AuthUser['roles'], organizationIds: string[] = []): AuthUser => ({ id: 'u1', nickname: '测试', roles, organizationIds });

describe('access', () => {
  it('an organizer acts for their own organizations only; an admin for every one', () => {
    expect(actsFor(user(['organizer'], ['o1']), 'o1')).toBe(true);
    expect(actsFor(user(['organizer'], ['o1']), 'o2')).toBe(false);
    expect(actsFor(user(['admin']), 'o2')).toBe(true);
    expect(actsFor(user(['reviewer']), 'o1')).toBe(false);
  });

  describe('who sees an event', () => {
    const draft = { status: 'draft' as const, organizerId: 'o1', publishedAt: null };

    it('a published event is public, even to someone signed out', () => {
      expect(isVisibleTo({ ...draft, status: 'published', publishedAt: at('2026-11-01T00:00:00+08:00') }, null)).toBe(true);
    });

    it('a cancelled event stays public if it was once published, so people signed up can read why', () => {
      expect(isVisibleTo({ ...draft, status: 'cancelled', publishedAt: at('2026-11-01T00:00:00+08:00') }, null)).toBe(true);
      expect(isVisibleTo({ ...draft, status: 'cancelled' }, null)).toBe(false);
    });

    it('a draft is seen by its own organizers, admins and reviewers, and by nobody else', () => {
      expect(isVisibleTo(draft, user(['organizer'], ['o1']))).toBe(true);
      expect(isVisibleTo(draft, user(['admin']))).toBe(true);
      expect(isVisibleTo(draft, user(['reviewer']))).toBe(true);
      expect(isVisibleTo(draft, user(['organizer'], ['o2']))).toBe(false);
      expect(isVisibleTo(draft, user([]))).toBe(false);
      expect(isVisibleTo(draft, null)).toBe(false);
    });
  });
});
