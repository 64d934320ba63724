import type { EventView } from '@kepu/shared';
import { escapeText, foldLine, renderCalendar } from './ics';

describe('iCalendar text', () => {
  it('when text has separators, they are escaped as RFC 5545 asks', () => {
    expect(escapeText('a\\b;c,d')).toBe('a\\\\b\\;c\\,d');
  });

  it('when text has line breaks of any kind, each becomes one escaped newline', () => {
    expect(escapeText('一\r\n二\r三\n四')).toBe('一\\n二\\n三\\n四');
  });

  it('when text carries other control characters, they are dropped so no content line ends early', () => {
    const escaped = escapeText('科普\u0000日\u0007活动\u000B\u000C\u001B\u007F');
    expect(escaped).toBe('科普日活动');
    // eslint-disable-next-line no-control-regex
    expect(escaped).not.toMatch(/[\u0000-\u001F\u007F]/);
  });

  it('when a tab is in the text, it stays (TEXT allows HTAB)', () => {
    expect(escapeText('a\tb')).toBe('a\tb');
  });

  it('when a line is long, it folds at 75 octets without splitting a character', () => {
    const folded = foldLine(`SUMMARY:${'科'.repeat(40)}`);
    for (const part of folded.split('\r\n')) expect(Buffer.byteLength(part)).toBeLessThanOrEqual(75);
    expect(folded.replace(/\r\n /g, '')).toBe(`SUMMARY:${'科'.repeat(40)}`);
  });
});

describe('a whole calendar', () => {
  // Every C0 control character and DEL, in every text an event carries.
  const controls = Array.from({ length: 32 }, (_, i) => String.fromCharCode(i)).join('') + '\u007f';
  const event = {
    id: 'e1',
    title: `科普${controls}日`,
    description: `第一行\r第二行${controls}`,
    organizer: { name: `科协${controls}` },
    venue: { name: `科技馆${controls}`, address: `路北区${'长'.repeat(60)}${controls}`, lat: null, lng: null },
    startsAt: '2026-12-05T09:00:00+08:00',
    endsAt: '2026-12-05T12:00:00+08:00',
    status: 'published',
  } as unknown as EventView;
  const calendar = renderCalendar([event], new Date('2026-11-25T02:00:00Z'), `日历${controls}`);

  it('when texts carry control characters, no content line holds one (only CRLF ends lines, a tab may stay)', () => {
    const lines = calendar.split('\r\n');
    expect(lines.at(-1)).toBe('');
    // eslint-disable-next-line no-control-regex
    for (const line of lines) expect({ line, control: /[\u0000-\u0008\u000A-\u001F\u007F]/.test(line) }).toEqual({ line, control: false });
  });

  it('when lines are long, every physical line is at most 75 octets and unfolding gives back the text', () => {
    for (const line of calendar.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
    const unfolded = calendar.replace(/\r\n /g, '');
    // The LF and the CR among the controls each read as a line break; the other controls are gone.
    expect(unfolded).toContain(`LOCATION:科技馆\t\\n\\n 路北区${'长'.repeat(60)}\t\\n\\n\r\n`);
    expect(unfolded).toContain('DESCRIPTION:科协\t\\n\\n\\n第一行\\n第二行\t\\n\\n\r\n');
    expect(unfolded).toContain('SUMMARY:科普\t\\n\\n日\r\n');
    expect(unfolded).toContain('X-WR-CALNAME:日历\t\\n\\n\r\n');
  });
});
