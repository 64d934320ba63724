// Forwarded check-in codes (转发给家人): a sign-up's booker makes a link for
// the attendee, who opens it without an account and sees only that attendee's
// QR code, 6 digits and event. Owns the share token; does not decide who may
// check in (signups.service and the organizer's scan do).
import { randomBytes } from 'node:crypto';
import { IsNull, type EntityManager } from 'typeorm';
import { toCstIso, type TicketShareView, type TicketView } from '@kepu/shared';
import { AppError, conflict, notFound } from '../../core/errors';
import type { AuthUser } from '../../core/actor';
import { findForUpdate, transactional } from '../../core/transaction';
import { EventEntity } from '../../db/entities/event.entity';
import { SignupEntity } from '../../db/entities/signup.entity';
import { checkinKeyOf, findCheckinKey, signCheckinCode } from './checkin-keys';
import { checkinCodeExpiry, maskName } from './signups.rules';
import { assignShortCodes } from './signups.service';

/** 24 random bytes, base64url: 32 characters nobody guesses. */
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{32}$/;

const ticketNotFound = () => new AppError('TICKET_NOT_FOUND', 404);

/** Whether a link to this event's code may still be made or opened: a published event that has not ended. */
function ticketLive(event: EventEntity | null, now: Date): event is EventEntity {
  return !!event && event.status === 'published' && now.getTime() < event.endsAt.getTime();
}

/**
 * The booker's link token for one of their sign-ups (their own or a family member's), made on first
 * use and the same afterwards, so forwarding twice sends one link. Waitlisted sign-ups may be forwarded
 * too: the page shows the code once a seat frees up.
 */
export const shareSignup = transactional(async (manager: EntityManager, user: AuthUser, signupId: string, now: Date): Promise<TicketShareView> => {
  const signups = manager.getRepository(SignupEntity);
  const signup = await signups.findOneBy({ id: signupId });
  if (!signup || signup.userId !== user.id || signup.status === 'cancelled') throw notFound('signup');
  const event = await manager.getRepository(EventEntity).findOneBy({ id: signup.eventId });
  if (!ticketLive(event, now)) throw conflict('TICKET_UNAVAILABLE');
  if (!signup.shareToken) {
    // Conditional: two taps at once end with one token, the first written.
    await signups.update({ id: signup.id, shareToken: IsNull() }, { shareToken: randomBytes(24).toString('base64url') });
  }
  const { shareToken } = await signups.findOneByOrFail({ id: signup.id });
  return { token: shareToken!, expiresAt: toCstIso(event.endsAt) };
});

/**
 * What the forwarded page shows, for anyone holding the token: the attendee's masked name, the event,
 * and (once confirmed) the signed QR code and its 6 digits. A token never made, revoked by a
 * cancellation, or of an event that was cancelled or has ended is 404.
 */
export const viewTicket = transactional(async (manager: EntityManager, token: string, now: Date): Promise<TicketView> => {
  if (!TOKEN_SHAPE.test(token)) throw ticketNotFound();
  const signups = manager.getRepository(SignupEntity);
  const found = await signups.findOneBy({ shareToken: token });
  if (!found || found.status === 'cancelled') throw ticketNotFound();
  // The key pair and the short code are made once, under the event's lock (as for the booker's own code);
  // once they exist, opening the page (anyone, any number of times) takes no lock sign-ups wait on.
  const needsIssuing = found.status === 'confirmed' && (!found.shortCode || !(await findCheckinKey(manager, found.eventId)));
  const event = needsIssuing
    ? await findForUpdate(manager, EventEntity, found.eventId)
    : await manager.getRepository(EventEntity).findOneBy({ id: found.eventId });
  if (!ticketLive(event, now)) throw ticketNotFound();
  const signup = needsIssuing ? await signups.findOneByOrFail({ id: found.id }) : found;
  if (signup.status === 'cancelled' || signup.shareToken !== token) throw ticketNotFound();
  let code: string | null = null;
  if (signup.status === 'confirmed') {
    if (!signup.shortCode) await assignShortCodes(manager, event.id, [signup]);
    const key = needsIssuing ? await checkinKeyOf(manager, event.id, now) : (await findCheckinKey(manager, event.id))!;
    code = signCheckinCode({ typ: 'checkin', sid: signup.id, eid: event.id, exp: checkinCodeExpiry(event.endsAt).getTime() }, key);
  }
  return {
    event: {
      title: event.title,
      startsAt: toCstIso(event.startsAt),
      endsAt: toCstIso(event.endsAt),
      venue: { name: event.venueName, address: event.venueAddress },
    },
    attendeeName: maskName(signup.name),
    partySize: signup.partySize,
    status: signup.status,
    code,
    shortCode: code ? signup.shortCode : null,
    checkedInAt: signup.checkedInAt ? toCstIso(signup.checkedInAt) : null,
    expiresAt: toCstIso(event.endsAt),
  };
});
