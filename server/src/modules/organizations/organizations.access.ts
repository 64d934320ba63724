// The one place that decides who may act for an organization and who may see
// its events. Every write on an organization's events goes through assertActsFor.
import type { EventStatus } from '@kepu/shared';
import type { AuthUser } from '../../core/actor';
import { forbidden } from '../../core/errors';

export function actsFor(user: AuthUser, organizationId: string): boolean {
  return user.roles.includes('admin') || user.organizationIds.includes(organizationId);
}

export function assertActsFor(user: AuthUser, organizationId: string): void {
  if (!actsFor(user, organizationId)) throw forbidden('not a member of this organization');
}

/**
 * Published events are public, and so are cancelled ones that were once
 * published (people who signed up must see why); everything else only for
 * its organizers and reviewers.
 */
export function isVisibleTo(event: { status: EventStatus; organizerId: string; publishedAt: Date | null }, user: AuthUser | null): boolean {
  if (event.status === 'published' || (event.status === 'cancelled' && event.publishedAt !== null)) return true;
  return seesUnpublished(event, user);
}

/** What is not public yet (drafts, changes awaiting review) is for the event's organizers and reviewers. */
export function seesUnpublished(event: { organizerId: string }, user: AuthUser | null): boolean {
  return user !== null && (actsFor(user, event.organizerId) || user.roles.includes('reviewer'));
}
