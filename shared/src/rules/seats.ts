// Seat arithmetic of an event: how many seats are left, whether a party gets
// a seat or joins the waitlist, and who moves up when seats free.
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

/** How many waiting parties move up when seats free: in queue order, stopping at the first that doesn't fit. */
export function partiesToPromote(freeSeats: number, queue: { partySize: number }[]): number {
  let promoted = 0;
  let left = freeSeats;
  for (const party of queue) {
    if (party.partySize > left) break;
    left -= party.partySize;
    promoted += 1;
  }
  return promoted;
}
