// The one place that decides whether a user may act for an organization.
// Every write on an organization's events goes through assertActsFor.
import type { AuthUser } from '../../core/actor';
import { forbidden } from '../../core/errors';

export function actsFor(user: AuthUser, organizationId: string): boolean {
  return user.roles.includes('admin') || user.organizationIds.includes(organizationId);
}

export function assertActsFor(user: AuthUser, organizationId: string): void {
  if (!actsFor(user, organizationId)) throw forbidden('not a member of this organization');
}
