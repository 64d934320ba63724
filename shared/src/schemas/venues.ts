// Payloads of an organization's saved venues (常用场馆).
import { z } from 'zod';

/** `POST /organizations/:id/venues`: saves a venue, or updates the one with the same name and address. Unknown fields are refused. */
export const saveVenueSchema = z.strictObject({
  name: z.string().trim().min(1, { error: '请填写场馆名称' }).max(60, { error: '场馆名称最多60个字' }),
  address: z.string().trim().max(120, { error: '详细地址最多120个字' }).default(''),
  district: z.string().trim().max(30, { error: '区县最多30个字' }).default(''),
  lat: z.number().min(-90, { error: '纬度应在-90到90之间' }).max(90, { error: '纬度应在-90到90之间' }).nullable().default(null),
  lng: z.number().min(-180, { error: '经度应在-180到180之间' }).max(180, { error: '经度应在-180到180之间' }).nullable().default(null),
});
export type SaveVenue = z.infer<typeof saveVenueSchema>;
