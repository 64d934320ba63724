// In a browser the server's iCalendar file does the job: every calendar app opens it.
// The file takes the name the server gives it (the event's title and day).
import type { EventView } from '@kepu/shared';
import { eventCalendarUrl } from '@/services/events';

export default function AddToCalendar({ event }: { event: EventView }) {
  return (
    <a className="btn btn--ghost" href={eventCalendarUrl(event.id)} download>
      加入日历
    </a>
  );
}
