import { signupWindowVerdict } from '@kepu/shared';
import {
  canCancelSignup,
  checkinCodeExpiry,
  checkinCodeProblem,
  checkinRefusal,
  maskName,
  maskPhone,
  partiesToPromote,
  signupWindowOf,
  windowMessages,
  type CheckinPayload,
} from './signups.rules';

const at = (iso: string) => new Date(iso);
const row = {
  kind: 'activity' as const,
  status: 'published' as const,
  startsAt: at('2026-12-05T09:00:00+08:00'),
  signupOpensAt: at('2026-11-28T09:00:00+08:00'),
  signupClosesAt: null,
};

describe('sign-up rules of the server', () => {
  it('an event row is read for the shared window rule with its own times', () => {
    expect(signupWindowOf(row)).toEqual({
      kind: 'activity',
      status: 'published',
      startsAt: row.startsAt.getTime(),
      signupOpensAt: row.signupOpensAt.getTime(),
      signupClosesAt: null,
    });
    expect(signupWindowVerdict(signupWindowOf(row), at('2026-12-05T09:00:00+08:00').getTime())).toBe('closed');
  });

  it('a checked-in sign-up can no longer be cancelled', () => {
    expect(canCancelSignup({ checkedInAt: null })).toBe(true);
    expect(canCancelSignup({ checkedInAt: at('2026-12-05T08:50:00+08:00') })).toBe(false);
  });

  it('only a confirmed sign-up gets a check-in code: a cancelled one is not active, a waitlisted one not confirmed', () => {
    expect(checkinRefusal('confirmed')).toBeNull();
    expect(checkinRefusal('cancelled')).toBe('SIGNUP_NOT_ACTIVE');
    expect(checkinRefusal('waitlisted')).toBe('NOT_CONFIRMED');
  });

  it('a check-in code stays valid until two hours after the event ends', () => {
    expect(checkinCodeExpiry(at('2026-12-05T12:00:00+08:00'))).toEqual(at('2026-12-05T14:00:00+08:00'));
  });

  describe('a scanned check-in code', () => {
    const code: CheckinPayload = { typ: 'checkin', sid: 's1', eid: 'e1', exp: at('2026-12-05T14:00:00+08:00').getTime() };

    it('lets its holder in at its own event until it expires, the last millisecond included', () => {
      expect(checkinCodeProblem(code, 'e1', at('2026-12-05T08:30:00+08:00'))).toBeNull();
      expect(checkinCodeProblem(code, 'e1', at('2026-12-05T14:00:00+08:00'))).toBeNull();
    });

    it('when it has expired, the holder is told so', () => {
      expect(checkinCodeProblem(code, 'e1', at('2026-12-05T14:00:01+08:00'))).toBe('CHECKIN_CODE_EXPIRED');
    });

    it('when it belongs to another event, is not a check-in code or was not signed by us, it is invalid', () => {
      expect(checkinCodeProblem(code, 'e2', at('2026-12-05T08:30:00+08:00'))).toBe('INVALID_CHECKIN_CODE');
      expect(checkinCodeProblem({ ...code, typ: 'session' } as unknown as CheckinPayload, 'e1', at('2026-12-05T08:30:00+08:00'))).toBe('INVALID_CHECKIN_CODE');
      expect(checkinCodeProblem(null, 'e1', at('2026-12-05T08:30:00+08:00'))).toBe('INVALID_CHECKIN_CODE');
    });

    it('a code for another event is invalid even after it expired: the event is checked first', () => {
      expect(checkinCodeProblem(code, 'e2', at('2026-12-06T00:00:00+08:00'))).toBe('INVALID_CHECKIN_CODE');
    });
  });

  it('lists show a phone masked in the middle, and a short one not at all', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskPhone('12345')).toBe('****');
  });
});

describe('waitlist promotion and refusal messages', () => {
  it('when seats free, waiting parties move up in queue order', () => {
    expect(partiesToPromote(4, [{ partySize: 2 }, { partySize: 1 }, { partySize: 1 }, { partySize: 1 }])).toBe(3);
  });

  it('when the first waiting party does not fit, nobody behind it jumps the queue', () => {
    expect(partiesToPromote(2, [{ partySize: 3 }, { partySize: 1 }])).toBe(0);
    expect(partiesToPromote(3, [{ partySize: 1 }, { partySize: 3 }, { partySize: 1 }])).toBe(1);
  });

  it('with no free seat or nobody waiting, nobody moves', () => {
    expect(partiesToPromote(0, [{ partySize: 1 }])).toBe(0);
    expect(partiesToPromote(5, [])).toBe(0);
  });
  it('every refusal has its Chinese message', () => {
    expect(windowMessages.closed).toBe('报名已截止');
    expect(Object.keys(windowMessages).sort()).toEqual(['closed', 'not-bookable', 'not-published', 'not-yet-open']);
  });
});

describe('names on the door list', () => {
  it('are masked but for the first (and last) character', () => {
    expect(maskName('张三')).toBe('张*');
    expect(maskName('王小明')).toBe('王*明');
    expect(maskName('欧阳青青')).toBe('欧**青');
    expect(maskName('李')).toBe('李');
  });
});
