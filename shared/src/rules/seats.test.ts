import { placeParty, seatsLeft } from './seats';

describe('seats of an event', () => {
  it('seats left are the capacity less the confirmed seats, never below zero', () => {
    expect(seatsLeft({ capacity: 10, confirmedSeats: 7 })).toBe(3);
    expect(seatsLeft({ capacity: 10, confirmedSeats: 10 })).toBe(0);
    expect(seatsLeft({ capacity: 10, confirmedSeats: 12 })).toBe(0);
  });

  it('when the party fits and nobody is waiting, it is confirmed, even into the very last seats', () => {
    expect(placeParty({ capacity: 10, confirmedSeats: 7, waitlistCount: 0 }, 3)).toBe('confirmed');
  });

  it('when the party is one seat too many, the whole party joins the waitlist', () => {
    expect(placeParty({ capacity: 10, confirmedSeats: 8, waitlistCount: 0 }, 3)).toBe('waitlisted');
  });

  it('when someone is already waiting, a party that would fit still joins the waitlist', () => {
    expect(placeParty({ capacity: 10, confirmedSeats: 5, waitlistCount: 1 }, 1)).toBe('waitlisted');
  });
});
