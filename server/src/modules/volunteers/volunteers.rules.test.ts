import {
  canReapply,
  canWithdraw,
  endsOnErasure,
  hasFreeSlot,
  hoursToRecord,
  serviceTimeProblem,
  shiftFitsEvent,
  shiftHasStarted,
  shiftVerdict,
  slotsAllowed,
} from './volunteers.rules';

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
    expect(hoursToRecord({ checkedInAt: '2024-05-20T09:05:00+08:00', checkedOutAt: '2024-05-20T12:00:00+08:00' }, { mode: 'nearest', stepMinutes: 30 })).toBe(
      3,
    );
  });

  it('a shift may start up to a day before its event and end up to a day after, not beyond', () => {
    const event = { startsAt: new Date('2024-05-20T09:00:00+08:00'), endsAt: new Date('2024-05-20T12:00:00+08:00') };
    expect(shiftFitsEvent({ startsAt: new Date('2024-05-19T09:00:00+08:00'), endsAt: new Date('2024-05-21T12:00:00+08:00') }, event)).toBe(true);
    expect(shiftFitsEvent({ startsAt: new Date('2024-05-19T08:59:00+08:00'), endsAt: new Date('2024-05-20T12:00:00+08:00') }, event)).toBe(false);
    expect(shiftFitsEvent({ startsAt: new Date('2024-05-20T09:00:00+08:00'), endsAt: new Date('2024-05-21T12:01:00+08:00') }, event)).toBe(false);
  });

  it('hours are recorded only once the shift has started, from its very first minute', () => {
    expect(shiftHasStarted({ startsAt: new Date('2024-05-20T09:01:00+08:00') }, now)).toBe(false);
    expect(shiftHasStarted({ startsAt: now }, now)).toBe(true);
  });

  it('on erasure, pending applications and those for shifts to come end; an approved one whose shift started stays for its hours', () => {
    const started = { startsAt: new Date('2024-05-20T08:00:00+08:00') };
    const toCome = { startsAt: new Date('2024-05-21T08:00:00+08:00') };
    expect(endsOnErasure('applied', started, now)).toBe(true);
    expect(endsOnErasure('approved', toCome, now)).toBe(true);
    expect(endsOnErasure('approved', started, now)).toBe(false);
  });

  describe('the time of a service', () => {
    const shift = { startsAt: new Date('2024-05-20T09:00:00+08:00'), endsAt: new Date('2024-05-20T12:00:00+08:00') };
    const later = new Date('2024-05-21T09:00:00+08:00');

    it('check-in and check-out within the shift give or take four hours are accepted', () => {
      expect(serviceTimeProblem({ checkedInAt: '2024-05-20T05:00:00+08:00', checkedOutAt: '2024-05-20T16:00:00+08:00' }, shift, later)).toBeNull();
    });

    it('a check-in more than four hours before the shift is refused', () => {
      expect(serviceTimeProblem({ checkedInAt: '2024-05-20T04:59:00+08:00', checkedOutAt: '2024-05-20T12:00:00+08:00' }, shift, later)).toEqual({
        path: 'checkedInAt',
        message: '签到时间须在岗位开始前4小时以内',
      });
    });

    it('a check-out more than four hours after the shift is refused', () => {
      expect(serviceTimeProblem({ checkedInAt: '2024-05-20T09:00:00+08:00', checkedOutAt: '2024-05-20T16:01:00+08:00' }, shift, later)).toEqual({
        path: 'checkedOutAt',
        message: '签退时间须在岗位结束后4小时以内',
      });
    });

    it('a check-out still to come is refused, whatever the shift', () => {
      const duringShift = new Date('2024-05-20T10:00:00+08:00');
      expect(serviceTimeProblem({ checkedInAt: '2024-05-20T09:00:00+08:00', checkedOutAt: '2024-05-20T11:00:00+08:00' }, shift, duringShift)).toEqual({
        path: 'checkedOutAt',
        message: '签退时间不能晚于现在',
      });
    });

    it('entered hours may not exceed the shift with both margins', () => {
      expect(serviceTimeProblem({ hours: 11 }, shift, later)).toBeNull();
      expect(serviceTimeProblem({ hours: 11.5 }, shift, later)).toEqual({ path: 'hours', message: '服务时长超出了岗位时间' });
    });
  });
});
