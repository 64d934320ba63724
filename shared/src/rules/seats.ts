// Seat arithmetic of an event: how many seats are left, whether a party gets
// a seat or joins the waitlist.
// The server decides with it; the event page shows what it will decide.

export interface Seats {
  capacity: number;
  /** Seats taken by confirmed sign-ups (a party of three takes three). */
  confirmedSeats: number;
  /** Parties waiting, not seats. */
  waitlistCount: number;
}

/** Seats nobody has taken; never negative. */
export function seatsLeft(seats: Pick<Seats, 'capacity' | 'confirmedSeats'>): number {
  return Math.max(0, seats.capacity - seats.confirmedSeats);
}

/**
 * A party is confirmed only if its seats fit and nobody is already waiting:
 * the waitlist is first come, first served.
 */
export function placeParty(seats: Seats, partySize: number): 'confirmed' | 'waitlisted' {
  if (seats.waitlistCount > 0) return 'waitlisted';
  return partySize <= seatsLeft(seats) ? 'confirmed' : 'waitlisted';
}

/** How a party is placed when it may be larger than the seats left: the caller's choice decides. */
export type WhenShort = 'split' | 'waitlist';

/** Seats confirmed now and seats waitlisted, or `ask` when the party must choose. */
export type PartyPlacement = { confirmed: number; waitlisted: number } | { ask: true; seatsLeft: number };

/**
 * A party that fits is confirmed and one facing a queue waits, as in
 * placeParty. A party larger than the seats left while nobody waits is asked
 * (the family chooses), unless it already chose: `split` confirms the seats
 * left and waitlists the rest, `waitlist` waits whole.
 */
export function placePartyAsked(seats: Seats, partySize: number, whenShort?: WhenShort): PartyPlacement {
  if (placeParty(seats, partySize) === 'confirmed') return { confirmed: partySize, waitlisted: 0 };
  const left = seatsLeft(seats);
  if (seats.waitlistCount > 0 || left === 0) return { confirmed: 0, waitlisted: partySize };
  if (whenShort === 'split') return { confirmed: left, waitlisted: partySize - left };
  if (whenShort === 'waitlist') return { confirmed: 0, waitlisted: partySize };
  return { ask: true, seatsLeft: left };
}
