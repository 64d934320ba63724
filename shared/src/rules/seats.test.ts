import { placeParty, placePartyAsked, seatsLeft } from './seats';

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

describe('a party larger than the seats left', () => {
  const twoLeft = { capacity: 10, confirmedSeats: 8, waitlistCount: 0 };

  it('when it fits, it is confirmed whole whatever it chose', () => {
    expect(placePartyAsked(twoLeft, 2, 'waitlist')).toEqual({ confirmed: 2, waitlisted: 0 });
  });

  it('when it did not choose, it is asked, told how many seats are left', () => {
    expect(placePartyAsked(twoLeft, 3)).toEqual({ ask: true, seatsLeft: 2 });
  });

  it('when it chose split, it takes the seats left and the rest waits; when it chose to wait, everyone waits', () => {
    expect(placePartyAsked(twoLeft, 3, 'split')).toEqual({ confirmed: 2, waitlisted: 1 });
    expect(placePartyAsked(twoLeft, 3, 'waitlist')).toEqual({ confirmed: 0, waitlisted: 3 });
  });

  it('when the event is full or someone is already waiting, there is nothing to ask: the party waits', () => {
    expect(placePartyAsked({ capacity: 10, confirmedSeats: 10, waitlistCount: 0 }, 3)).toEqual({ confirmed: 0, waitlisted: 3 });
    expect(placePartyAsked({ capacity: 10, confirmedSeats: 8, waitlistCount: 1 }, 3, 'split')).toEqual({ confirmed: 0, waitlisted: 3 });
  });
});
