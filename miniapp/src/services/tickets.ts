// Forwarded check-in codes (转发给家人): the booker makes a link for one of
// their bookings; whoever opens it sees that attendee's code without an
// account. An opened page is kept on the device until the event ends, so it
// still shows at the door with no network. What is kept: the event, the
// masked name and the code; no phone.
import type { TicketShareView, TicketView } from '@kepu/shared';
import { request, toApiError } from '@/services/request';
import { readStored, removeStored, writeStored } from '@/utils/storage';

const INDEX = 'kepu.tickets';
const PREFIX = 'kepu.ticket:';

export function shareSignup(signupId: string): Promise<TicketShareView> {
  return request<TicketShareView>(`/me/signups/${encodeURIComponent(signupId)}/share`, { method: 'POST' });
}

/** Drops pages of events that have ended. */
function prune(now: number): string[] {
  const index = readStored<string[]>(INDEX, []);
  const live = index.filter((token) => {
    const ticket = readStored<TicketView | null>(PREFIX + token, null);
    if (ticket && Date.parse(ticket.expiresAt) > now) return true;
    removeStored(PREFIX + token);
    return false;
  });
  if (live.length !== index.length) writeStored(INDEX, live);
  return live;
}

export function keepTicket(token: string, ticket: TicketView, now = Date.now()): void {
  const index = prune(now).filter((t) => t !== token);
  writeStored(PREFIX + token, ticket);
  writeStored(INDEX, [...index, token]);
}

export function keptTicket(token: string, now = Date.now()): TicketView | null {
  prune(now);
  return readStored<TicketView | null>(PREFIX + token, null);
}

export function forgetTicket(token: string): void {
  removeStored(PREFIX + token);
  writeStored(
    INDEX,
    readStored<string[]>(INDEX, []).filter((t) => t !== token),
  );
}

/**
 * The forwarded page. Without the network, the copy kept on the device (`stored`); a link that is
 * no longer valid (cancelled, event over) is forgotten, so a stale code never shows.
 */
export async function getTicket(token: string): Promise<TicketView & { stored?: boolean }> {
  const load = () => request<TicketView>(`/tickets/${encodeURIComponent(token)}`, { quiet: true, loginOn401: false });
  try {
    // A stale session on this phone is refused even here (401) and cleared: the page needs none, so ask again without it.
    const ticket = await load().catch((error: unknown) => (toApiError(error).status === 401 ? load() : Promise.reject(error)));
    keepTicket(token, ticket);
    return ticket;
  } catch (error) {
    const apiError = toApiError(error);
    if (apiError.code === 'TICKET_NOT_FOUND') forgetTicket(token);
    const kept = apiError.code === 'NETWORK' ? keptTicket(token) : null;
    if (kept) return { ...kept, stored: true };
    throw error;
  }
}
