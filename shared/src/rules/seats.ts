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
