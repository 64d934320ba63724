import { canReapply, canWithdraw, hasFreeSlot, hoursToRecord, shiftVerdict, slotsAllowed } from './volunteers.rules';

const now = new Date('2024-05-20T09:00:00+08:00');
const halfHoursDown = { mode: 'down' as const, stepMinutes: 30 };

describe('volunteer application rules', () => {
  it('a shift takes applications only while its event is published and before it starts', () => {
    expect(shiftVerdict({ startsAt: new Date('2024-05-20T10:00:00+08:00') }, 'published', now)).toBe('open');
    expect(shiftVerdict({ startsAt: new Date('2024-05-20T09:00:00+08:00') }, 'published', now)).toBe('started');
    expect(shiftVerdict({ startsAt: new Date('2024-05-21T09:00:00+08:00') }, 'cancelled', now)).toBe('event_not_published');
  });

  it('a withdrawn applicant may reapply, a rejected or completed one may not', () => {
    expect(canReapply('withdrawn')).toBe(true);
    expect(canReapply('rejected')).toBe(false);
    expect(canReapply('completed')).toBe(false);
  });

  it('withdrawing is possible until the shift starts', () => {
    expect(canWithdraw('approved', new Date('2024-05-20T10:00:00+08:00'), now)).toBe(true);
    expect(canWithdraw('approved', new Date('2024-05-20T08:00:00+08:00'), now)).toBe(false);
    expect(canWithdraw('completed', new Date('2024-05-21T10:00:00+08:00'), now)).toBe(false);
  });

  it('never approves past the slots, and slots never drop below the approved', () => {
    expect(hasFreeSlot({ slots: 2, approvedCount: 1 })).toBe(true);
    expect(hasFreeSlot({ slots: 2, approvedCount: 2 })).toBe(false);
    expect(slotsAllowed(2, 3)).toBe(false);
    expect(slotsAllowed(3, 3)).toBe(true);
  });

  it('works hours out from entered hours or from check-in and check-out times', () => {
    expect(hoursToRecord({ hours: 2.7 }, halfHoursDown)).toBe(2.5);
    expect(hoursToRecord({ checkedInAt: '2024-05-20T09:05:00+08:00', checkedOutAt: '2024-05-20T12:00:00+08:00' }, halfHoursDown)).toBe(2.5);
    expect(hoursToRecord({ checkedInAt: '2024-05-20T09:05:00+08:00', checkedOutAt: '2024-05-20T12:00:00+08:00' }, { mode: 'nearest', stepMinutes: 30 })).toBe(3);
  });
});
