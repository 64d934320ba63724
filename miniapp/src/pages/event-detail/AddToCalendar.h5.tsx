// In a browser the server's iCalendar file does the job: every calendar app opens it.
import type { EventView } from '@kepu/shared';
import { eventCalendarUrl } from '@/services/events';

export default function AddToCalendar({ event }: { event: EventView }) {
  return (
    <a className="btn btn--ghost" href={eventCalendarUrl(event.id)} download={`event-${event.id}.ics`}>
      加入日历
    </a>
  );
}
