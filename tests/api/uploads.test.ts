// Cover pictures: an organizer uploads a JPEG, PNG or WebP (checked by its bytes, decoded,
// upright, without metadata), sets it as an event's cover, and everyone sees it on the list
// and the detail; campaign events without one show their campaign's artwork.
import { crc32, deflateSync } from 'node:zlib';
import sharp, { type Sharp } from 'sharp';
import { engines, type ApiResponse } from './harness';
import { OrganizationEntity } from '../../server/src/db/entities/organization.entity';
import { API, activityInput, createDraft, expectError, expectStatus, organizerOrgId, publishActivity, useTestApp, type TestApp } from './fixtures';

/** A photo-like picture: noise, so it is not trivially small. */
function picture(width: number, height: number): Sharp {
  const raw = Buffer.alloc(width * height * 3);
  for (let i = 0; i < raw.length; i++) raw[i] = (i * 7919) % 251;
  return sharp(raw, { raw: { width, height, channels: 3 } });
}

async function upload(app: TestApp, bytes: Buffer, token: string | undefined, name = 'photo.jpg', type = 'image/jpeg'): Promise<ApiResponse> {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(bytes)], { type }), name);
  const response = await fetch(`${app.server.url}${API}/uploads`, {
    method: 'POST',
    body: form,
    headers: token ? { authorization: `Bearer ${token}` } : {},
  });
  const text = await response.text();
  const body = (response.headers.get('content-type') ?? '').includes('application/json') ? JSON.parse(text) : text;
  return { status: response.status, body, headers: response.headers, text };
}

/** A PNG whose header claims 50,000 x 50,000 pixels, in a few hundred bytes: a decompression bomb. */
function pngBomb(): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(50_000, 0);
  header.writeUInt32BE(50_000, 4);
  header.set([8, 0, 0, 0, 0], 8); // 8-bit grey
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.alloc(50_001 * 4))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const getBytes = async (app: TestApp, path: string) => {
  const response = await fetch(app.server.url + path);
  return { response, bytes: Buffer.from(await response.arrayBuffer()) };
};

describe.each(engines)('cover pictures on %s', (engine) => {
  const app = useTestApp(engine, { seed: true });
  const organizer = () => app.token('demo-organizer');

  it('when an organizer uploads a phone photo, then it is stored upright at phone width and as a thumbnail, without its EXIF or GPS', async () => {
    // 1200 x 800 as stored, to be shown turned a quarter (orientation 6): 800 x 1200 upright.
    const photo = await picture(1200, 800)
      .withExif({ IFD0: { Copyright: 'secret-owner' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '39/1 38/1 3700/100' } })
      .withMetadata({ orientation: 6 })
      .jpeg()
      .toBuffer();
    expect(photo.includes('secret-owner')).toBe(true);
    expect((await sharp(photo).metadata()).orientation).toBe(6);
    const res = await upload(app, photo, await organizer());
    expectStatus(res, 201);
    expect(res.body).toMatchObject({ width: 800, height: 1200 });
    expect(res.body.url).toMatch(/^\/api\/v1\/images\/[\w-]+\.jpg$/);

    const display = await getBytes(app, res.body.url);
    expect(display.response.status).toBe(200);
    expect(display.response.headers.get('content-type')).toBe('image/jpeg');
    expect(display.response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(display.response.headers.get('x-content-type-options')).toBe('nosniff');
    const meta = await sharp(display.bytes).metadata();
    expect({ format: meta.format, width: meta.width, height: meta.height, exif: meta.exif, orientation: meta.orientation }).toEqual({
      format: 'jpeg',
      width: 750,
      height: 1125,
      exif: undefined,
      orientation: undefined,
    });
    expect(display.bytes.includes('secret-owner')).toBe(false);

    const thumbnail = await getBytes(app, res.body.thumbnailUrl);
    expect((await sharp(thumbnail.bytes).metadata()).width).toBe(240);
  });

  it('when the picture is a PNG or a WebP, then it is accepted too (and stored as JPEG)', async () => {
    const png = await picture(300, 200).png().toBuffer();
    const webp = await picture(300, 200).webp().toBuffer();
    for (const bytes of [png, webp]) {
      const res = await upload(app, bytes, await organizer(), 'x.bin', 'application/octet-stream');
      expectStatus(res, 201);
      // Smaller than the phone width: never enlarged.
      expect(res.body).toMatchObject({ width: 300, height: 200 });
      const stored = await getBytes(app, res.body.url);
      expect((await sharp(stored.bytes).metadata()).format).toBe('jpeg');
    }
  });

  it('when the file is over 5 MB, then it is refused with 413', async () => {
    const big = Buffer.alloc(5 * 1024 * 1024 + 10, 7);
    big.set([0xff, 0xd8, 0xff, 0xe0]);
    const res = await upload(app, big, await organizer());
    expectError(res, 413, 'PAYLOAD_TOO_LARGE');
    expect(res.body.error.message).toContain('5 MB');
  });

  it('when a small file claims billions of pixels (a decompression bomb), then it is refused with 413 before it is decoded', async () => {
    const res = await upload(app, pngBomb(), await organizer(), 'bomb.png', 'image/png');
    expectError(res, 413, 'PAYLOAD_TOO_LARGE');
    expect(res.body.error.message).toContain('像素');
  });

  it('when a series is created with a cover, then every occurrence carries it', async () => {
    const up = (await upload(app, await picture(320, 240).png().toBuffer(), await organizer())).body;
    const series = await app.api.post(
      `${API}/events/series`,
      { ...activityInput(await organizerOrgId(app), { title: '每周带封面的系列活动', coverImageId: up.id }), recurrence: { frequency: 'weekly', count: 2 } },
      await organizer(),
    );
    expectStatus(series, 201);
    expect(series.body.items.map((e: any) => e.coverThumbnailUrl)).toEqual([up.thumbnailUrl, up.thumbnailUrl]);
  });

  it('when a GIF, a text or a PDF is sent as photo.jpg, then it is 415 whatever the name and type say', async () => {
    const gif = await sharp({ create: { width: 10, height: 10, channels: 3, background: '#f00' } })
      .gif()
      .toBuffer();
    for (const bytes of [gif, Buffer.from('这不是图片'), Buffer.from('%PDF-1.7\n1 0 obj\n<<>>\nendobj\n')]) {
      const res = await upload(app, bytes, await organizer(), 'photo.jpg', 'image/jpeg');
      expectError(res, 415, 'UNSUPPORTED_MEDIA_TYPE');
      expect(res.body.error.message).toMatch(/JPG、PNG 或 WebP/);
    }
  });

  it('when the bytes start like a JPEG or PNG but are damaged, then it is 400 IMAGE_CORRUPT', async () => {
    const jpegStart = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(2000, 3)]);
    expectError(await upload(app, jpegStart, await organizer()), 400, 'IMAGE_CORRUPT');
    const png = await picture(200, 200).png().toBuffer();
    expectError(await upload(app, png.subarray(0, 300), await organizer(), 'x.png', 'image/png'), 400, 'IMAGE_CORRUPT');
  });

  it('when nobody is signed in it is 401; a resident gets 403; a request without a file is 400', async () => {
    const png = await picture(50, 50).png().toBuffer();
    expectError(await upload(app, png, undefined), 401, 'UNAUTHENTICATED');
    expectError(await upload(app, png, await app.token('uploads-resident')), 403, 'FORBIDDEN');
    expectError(await app.api.post(`${API}/uploads`, { file: 'x' }, await organizer()), 400, 'VALIDATION_FAILED');
  });

  it('when an event gets a cover, then its list card and detail carry the cover and thumbnail URLs', async () => {
    const up = (await upload(app, await picture(900, 600).jpeg().toBuffer(), await organizer())).body;
    const event = await publishActivity(app, { title: '带封面的科普活动', coverImageId: up.id });
    const detail = (await app.api.get(`${API}/events/${event.id}`)).body;
    expect(detail).toMatchObject({ coverImageId: up.id, coverUrl: up.url, coverThumbnailUrl: up.thumbnailUrl });
    const list = (await app.api.get(`${API}/events?city=${encodeURIComponent('唐山市')}&q=${encodeURIComponent('带封面')}`)).body;
    expect(list.items.map((e: any) => [e.title, e.coverUrl, e.coverThumbnailUrl])).toEqual([['带封面的科普活动', up.url, up.thumbnailUrl]]);
    // An event without one has none.
    const plain = await createDraft(app, { title: '没有封面的活动' });
    expect(plain).toMatchObject({ coverImageId: null, coverUrl: null, coverThumbnailUrl: null });
  });

  it("when an organizer names another organization's upload (or an unknown id) as cover, then it is refused", async () => {
    const admin = await app.token('demo-admin');
    const orgId = await organizerOrgId(app);
    const orgs = (await app.api.get(`${API}/organizations?city=${encodeURIComponent('唐山市')}`)).body.items;
    const otherOrg = orgs.find((o: any) => o.id !== orgId && o.kind !== 'collective');
    expectStatus(await app.api.post(`${API}/organizations/${otherOrg.id}/members`, { userId: (await app.user('uploads-outsider')).id }, admin), 201);
    const theirs = (await upload(app, await picture(100, 100).png().toBuffer(), await app.token('uploads-outsider'))).body;
    expectError(await app.api.post(`${API}/events`, activityInput(orgId, { coverImageId: theirs.id }), await organizer()), 400, 'COVER_NOT_USABLE');
    const draft = await createDraft(app, { title: '想借用封面的活动' });
    expectError(await app.api.patch(`${API}/events/${draft.id}`, { coverImageId: theirs.id }, await organizer()), 400, 'COVER_NOT_USABLE');
    expectError(await app.api.patch(`${API}/events/${draft.id}`, { coverImageId: 'no-such-upload' }, await organizer()), 400, 'COVER_NOT_USABLE');
    // Their own organization may use it.
    const own = await app.api.post(`${API}/events`, activityInput(otherOrg.id, { coverImageId: theirs.id }), await app.token('uploads-outsider'));
    expectStatus(own, 201);
  });

  it('when an untrusted organization changes the cover of a published event, then the change waits for review; removing it too', async () => {
    await app.server.dataSource.getRepository(OrganizationEntity).update({ id: await organizerOrgId(app) }, { trusted: false });
    const first = (await upload(app, await picture(400, 300).jpeg().toBuffer(), await organizer())).body;
    const second = (await upload(app, await picture(300, 400).jpeg().toBuffer(), await organizer())).body;
    const event = await publishActivity(app, { title: '换封面的活动', coverImageId: first.id });
    const edited = await app.api.patch(`${API}/events/${event.id}`, { coverImageId: second.id }, await organizer());
    expectStatus(edited, 200);
    expect(edited.body.coverUrl).toBe(first.url);
    expect(edited.body.revision.changes).toEqual({ coverImageId: second.id, coverUrl: second.url });
    expect((await app.api.get(`${API}/events/${event.id}`)).body.coverUrl).toBe(first.url);
    expectStatus(await app.api.post(`${API}/events/${event.id}/review`, { decision: 'approve' }, await app.token('demo-reviewer')), 200);
    expect((await app.api.get(`${API}/events/${event.id}`)).body.coverUrl).toBe(second.url);

    const removed = await app.api.patch(`${API}/events/${event.id}`, { coverImageId: null }, await organizer());
    expect(removed.body.revision.changes).toEqual({ coverImageId: null, coverUrl: null });
  });

  it('when a campaign event has no cover, then it shows its campaign artwork, a small PNG', async () => {
    const list = (await app.api.get(`${API}/events?kind=campaign&from=2022-01-01&limit=5`)).body;
    expect(list.items.length).toBeGreaterThan(0);
    for (const item of list.items) {
      expect(item.coverImageId).toBeNull();
      expect(item.coverUrl).toMatch(/^\/api\/v1\/images\/artwork-[a-z]+\.png$/);
    }
    const artwork = await getBytes(app, list.items[0].coverThumbnailUrl);
    expect(artwork.response.status).toBe(200);
    expect(artwork.response.headers.get('content-type')).toBe('image/png');
    expect(artwork.bytes.length).toBeLessThan(16 * 1024);
    expect((await getBytes(app, '/api/v1/images/..%2Fkepu.sqlite')).response.status).toBe(404);
    expect((await getBytes(app, '/api/v1/images/artwork-nope.png')).response.status).toBe(404);
  });
});
