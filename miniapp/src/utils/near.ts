// A position and the `near=` parameter made from it. Kept apart from coords.ts
// so pages can use it without loading the coordinate converter.

export interface LatLng {
  lat: number;
  lng: number;
}

/** The `near=` parameter: `lat,lng` to 5 decimals (about a metre). */
export function toNearParam({ lat, lng }: LatLng): string {
  return `${lat.toFixed(5)},${lng.toFixed(5)}`;
}
