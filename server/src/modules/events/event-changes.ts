// What an edit changes on an event, as plain values: the fields a reviewer must
// see again (reviewedEventFields), comparing them, applying them to a row, and
// the before/after an audit entry keeps. No database, no clock.
import { reviewedEventFields, toCstIso, type ReviewedEventField, type UpdateEvent } from '@kepu/shared';
import type { EventEntity } from '../../db/entities/event.entity';

/** Values of the reviewed fields in the request's shapes; times as CST ISO strings. A field left out is not changed. */
export type ReviewedValues = Pick<UpdateEvent, ReviewedEventField>;

/** The event's reviewed fields as they are now. */
export function reviewedValuesOf(event: EventEntity): Required<ReviewedValues> {
  return {
    title: event.title,
    description: event.description,
    city: event.city,
    district: event.district,
    venue: { name: event.venueName, address: event.venueAddress, lat: event.venueLat, lng: event.venueLng },
    startsAt: toCstIso(event.startsAt),
    endsAt: toCstIso(event.endsAt),
    capacity: event.capacity,
    audiences: event.audiences,
    themes: event.themes,
    campaign: event.campaignCode,
    coverImageId: event.coverImageId,
  };
}

/**
 * The reviewed fields an edit sends, in one spelling each (times in CST, the
 * venue's keys in order), so equal values compare equal whatever the client wrote.
 */
export function reviewedPartOf(edit: UpdateEvent): ReviewedValues {
  const part: ReviewedValues = {};
  for (const field of reviewedEventFields) {
    const value = edit[field];
    if (value === undefined) continue;
    if (field === 'venue') part.venue = { name: edit.venue!.name, address: edit.venue!.address, lat: edit.venue!.lat, lng: edit.venue!.lng };
    else if (field === 'startsAt' || field === 'endsAt') part[field] = toCstIso(new Date(value as string));
    else Object.assign(part, { [field]: value });
  }
  return part;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** The fields of `wanted` whose value differs from `current`. */
export function changedValues(current: Required<ReviewedValues>, wanted: ReviewedValues): ReviewedValues {
  const changed: ReviewedValues = {};
  for (const field of reviewedEventFields) {
    if (wanted[field] !== undefined && !same(wanted[field], current[field])) Object.assign(changed, { [field]: wanted[field] });
  }
  return changed;
}

export function sameValues(a: ReviewedValues, b: ReviewedValues): boolean {
  return reviewedEventFields.every((field) => same(a[field], b[field]));
}

export const isEmpty = (values: ReviewedValues) => reviewedEventFields.every((field) => values[field] === undefined);

/** The sign-up window, which applies at once: as CST ISO strings, null when open-ended. */
export interface SignupWindow {
  signupOpensAt: string | null;
  signupClosesAt: string | null;
}

const isoOrNull = (value: Date | string | null) => (value ? toCstIso(new Date(value)) : null);

export function signupWindowOf(event: EventEntity): SignupWindow {
  return { signupOpensAt: isoOrNull(event.signupOpensAt), signupClosesAt: isoOrNull(event.signupClosesAt) };
}

/** The window after an edit: what it sends, else what was there. */
export function signupWindowAfter(current: SignupWindow, edit: UpdateEvent): SignupWindow {
  return {
    signupOpensAt: edit.signupOpensAt !== undefined ? isoOrNull(edit.signupOpensAt) : current.signupOpensAt,
    signupClosesAt: edit.signupClosesAt !== undefined ? isoOrNull(edit.signupClosesAt) : current.signupClosesAt,
  };
}

/** Writes reviewed values onto the row. */
export function assignReviewed(event: EventEntity, values: ReviewedValues): void {
  Object.assign(event, {
    ...(values.title !== undefined && { title: values.title }),
    ...(values.description !== undefined && { description: values.description }),
    ...(values.city !== undefined && { city: values.city }),
    ...(values.district !== undefined && { district: values.district }),
    ...(values.audiences !== undefined && { audiences: values.audiences }),
    ...(values.themes !== undefined && { themes: values.themes }),
    ...(values.venue !== undefined && {
      venueName: values.venue.name,
      venueAddress: values.venue.address,
      venueLat: values.venue.lat,
      venueLng: values.venue.lng,
    }),
    ...(values.startsAt !== undefined && { startsAt: new Date(values.startsAt) }),
    ...(values.endsAt !== undefined && { endsAt: new Date(values.endsAt) }),
    ...(values.capacity !== undefined && { capacity: values.capacity }),
    ...(values.campaign !== undefined && { campaignCode: values.campaign }),
    ...(values.coverImageId !== undefined && { coverImageId: values.coverImageId }),
  });
}

/** Long texts keep their start in the audit: enough to tell what changed, without a second copy of every description. */
export const AUDIT_TEXT_LIMIT = 200;

function forAudit(value: unknown): unknown {
  return typeof value === 'string' && value.length > AUDIT_TEXT_LIMIT ? `${value.slice(0, AUDIT_TEXT_LIMIT)}…` : value;
}

/** `{field: {before, after}}` for every field whose value differs; long texts truncated. */
export function auditDiff(before: Record<string, unknown>, after: Record<string, unknown>): Record<string, { before: unknown; after: unknown }> {
  const diff: Record<string, { before: unknown; after: unknown }> = {};
  for (const field of Object.keys(after)) {
    if (after[field] === undefined || same(before[field], after[field])) continue;
    diff[field] = { before: forAudit(before[field] ?? null), after: forAudit(after[field]) };
  }
  return diff;
}
