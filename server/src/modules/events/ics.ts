// RFC 5545 iCalendar for "add to calendar": one VEVENT per event, UTC times,
// escaped text and lines folded at 75 octets as the RFC requires.
import type { EventView } from '@kepu/shared';

/**
 * RFC 5545 TEXT: backslash, semicolon and comma escaped, every line break (CRLF, a lone
 * CR or LF) as the two characters \\n, and no other control character at all (they are not allowed in a
 * content line, and a stray CR would end it early).
 */
export function escapeText(value: string): string {
  return (
    value
      .replace(/\\/g, '\\\\')
      .replace(/;/g, '\\;')
      .replace(/,/g, '\\,')
      .replace(/\r\n|\r|\n/g, '\\n')
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000A-\u001F\u007F]/g, '')
  );
}

function utcStamp(iso: string): string {
  return new Date(iso)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}

/** Folds a content line into chunks of at most 75 octets without splitting a UTF-8 character. */
export function foldLine(line: string): string {
  const parts: string[] = [];
  let current = '';
  let bytes = 0;
  for (const char of line) {
    const size = Buffer.byteLength(char);
    const limit = parts.length === 0 ? 75 : 74; // continuation lines start with a space
    if (bytes + size > limit) {
      parts.push(current);
      current = '';
      bytes = 0;
    }
    current += char;
    bytes += size;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

export function renderCalendar(events: EventView[], now: Date, name = '科普汇活动'): string {
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Kepu//科普汇//ZH', 'CALSCALE:GREGORIAN', 'METHOD:PUBLISH', `X-WR-CALNAME:${escapeText(name)}`];
  for (const event of events) {
    const location = [event.venue.name, event.venue.address].filter(Boolean).join(' ');
    lines.push(
      'BEGIN:VEVENT',
      `UID:${event.id}@kepu`,
      `DTSTAMP:${utcStamp(now.toISOString())}`,
      `DTSTART:${utcStamp(event.startsAt)}`,
      `DTEND:${utcStamp(event.endsAt)}`,
      `SUMMARY:${escapeText(event.title)}`,
      `DESCRIPTION:${escapeText(`${event.organizer.name}${event.description ? `\n${event.description}` : ''}`)}`,
      `LOCATION:${escapeText(location)}`,
      ...(event.venue.lat !== null && event.venue.lng !== null ? [`GEO:${event.venue.lat};${event.venue.lng}`] : []),
      `STATUS:${event.status === 'cancelled' ? 'CANCELLED' : 'CONFIRMED'}`,
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  return lines.map(foldLine).join('\r\n') + '\r\n';
}
