// Where an image the API names lives: its paths (/api/v1/images/…) are on the API's host,
// which in weapp is not the page's own.
export function imageSrc(url: string): string {
  return url.startsWith('/') ? `${API_BASE}${url}` : url;
}
