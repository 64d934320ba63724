// Builds a new events row. Every writer (organizers' events and series, the
// importer, the demo seed, the bench) states what is its own; the rest starts here.
import { randomUUID } from 'node:crypto';
import { EventEntity } from '../../db/entities/event.entity';

/** What every writer has to decide about a new event. */
type DecidedByWriter = 'title' | 'description' | 'kind' | 'source' | 'status' | 'organizerId' | 'city' | 'venueName' | 'startsAt' | 'endsAt' | 'capacity';

/** Never chosen by a writer: a new row has its own id, no sign-ups yet, and was made now. */
type Fresh =
  | 'id'
  | 'confirmedCount'
  | 'waitlistCount'
  | 'signupSeq'
  | 'confirmedSignupCount'
  | 'checkedInCount'
  | 'volunteerCents'
  | 'version'
  | 'createdAt'
  | 'updatedAt';

export type NewEvent = Pick<EventEntity, DecidedByWriter> & Partial<Omit<EventEntity, DecidedByWriter | Fresh>>;

/** A new event row, not yet stored. A row born published was published now, unless the writer says otherwise. */
export function newEventRow(fields: NewEvent, now: Date): EventEntity {
  return Object.assign(new EventEntity(), {
    campaignCode: null,
    district: '',
    audiences: [],
    themes: [],
    venueAddress: '',
    venueLat: null,
    venueLng: null,
    signupOpensAt: null,
    signupClosesAt: null,
    isDemo: false,
    planTaskChanged: false,
    reviewReason: null,
    cancelReason: null,
    derivedKey: null,
    seriesId: null,
    coverImageId: null,
    publishedAt: fields.status === 'published' ? now : null,
    ...fields,
    id: randomUUID(),
    confirmedCount: 0,
    waitlistCount: 0,
    signupSeq: 0,
    confirmedSignupCount: 0,
    checkedInCount: 0,
    volunteerCents: 0,
    version: 1,
    createdAt: now,
    updatedAt: now,
  });
}
