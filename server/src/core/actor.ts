// Who is acting: the signed-in user as every rule and use case sees it. The
// HTTP layer builds it from a session token; tests and scripts build it directly.
import type { Role } from '@kepu/shared';

export interface AuthUser {
  id: string;
  nickname: string;
  roles: Role[];
  /** Organizations the user may act for as organizer. */
  organizationIds: string[];
}
