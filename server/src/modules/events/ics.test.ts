import { escapeText, foldLine } from './ics';

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
