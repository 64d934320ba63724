// An organizer gives an event a cover picture in the event form (chosen from the phone,
// uploaded with progress; a file that is no picture is refused in Chinese), and after review
// residents see its thumbnail on the list card and the cover on the detail, in normal and large text.
import sharp from 'sharp';
import { backToTabs, button, eventTitles, field, settle, shown, signIn, switchCity, switchTab, tapButton, tapText, turnOnLargeText } from './browser';
import { chooseFile, coverPicture } from './pictures';
import { useE2e } from './setup';

jest.setTimeout(240_000);

const e2e = useE2e();

describe.each(['normal', 'large'] as const)('in %s text, a cover picture', (mode) => {
  it('is chosen in the event form, uploaded, and shown on the card (thumbnail, lazily) and the detail page', async () => {
    const title = mode === 'normal' ? '封面测试：星空下的天文课' : '封面测试：大字模式的天文课';
    const { page, shot } = await e2e.open(`covers-${mode}`);
    if (mode === 'large') await turnOnLargeText(page);
    await signIn(page, '主办单位（demo-organizer）');
    await switchTab(page, '我的');
    await tapText(page, '主办单位：活动管理');
    await tapButton(page, '发布新活动');
    await field(page, '活动名称').fill(title);
    await shown(page).locator('taro-textarea-core textarea').first().fill('认识冬季星座，学习使用天文望远镜。');
    await field(page, '区县').fill('路北区');
    await field(page, '场馆名称').fill('唐山市科技馆');
    await field(page, '详细地址').fill('路北区建设北路');

    // A GIF renamed photo.jpg: the browser shows it, the server refuses it (by its bytes), in Chinese, and nothing is set.
    const gif = await sharp({ create: { width: 40, height: 30, channels: 3, background: '#e03131' } })
      .gif()
      .toBuffer();
    await chooseFile(page, '选择封面图片', { name: 'photo.jpg', mimeType: 'image/jpeg', buffer: gif });
    await shown(page).locator('.cover-picker .field__error').getByText('只支持 JPG、PNG 或 WebP 格式的图片').waitFor();
    await shot('refused-gif');

    await chooseFile(page, '选择封面图片', { name: 'cover.jpg', mimeType: 'image/jpeg', buffer: await coverPicture() });
    const preview = shown(page).locator('.cover-picker__image img');
    await preview.waitFor();
    expect(await preview.getAttribute('src')).toMatch(/^\/api\/v1\/images\/[\w-]+\.jpg$/);
    await shown(page).locator('.cover-picker .field__error').waitFor({ state: 'detached' });
    await button(page, '更换封面').waitFor();
    await button(page, '移除封面').waitFor();
    await shown(page).locator('.cover-picker').scrollIntoViewIfNeeded();
    await shot('form-with-cover');

    await tapButton(page, '保存并提交审核');
    await shown(page).locator('taro-button-core').filter({ hasText: '发布新活动' }).waitFor();
    const reviewer = await e2e.api.as('demo-reviewer');
    const pending = await reviewer.get<{ items: { id: string; title: string; coverThumbnailUrl: string }[] }>(
      `/events?status=pending&q=${encodeURIComponent(title)}`,
    );
    const event = pending.items.find((e) => e.title === title);
    if (!event) throw new Error(`${title} is not awaiting review`);
    await reviewer.post(`/events/${event.id}/review`, { decision: 'approve' });

    await backToTabs(page);
    await switchTab(page, '活动');
    await switchCity(page, '唐山市');
    await field(page, '搜索活动或场馆').fill(title);
    await tapButton(page, '搜索');
    expect(await eventTitles(page, [title])).toEqual([title]);
    const thumb = shown(page).locator('.event-card__thumb img');
    await thumb.waitFor();
    // Lazily loaded: the card's img gets its src once it is in view.
    await thumb.scrollIntoViewIfNeeded();
    expect(
      await settle(
        () => thumb.getAttribute('src'),
        (src) => src !== null,
      ),
    ).toBe(event.coverThumbnailUrl);
    // Decorative: hidden from screen readers, the title names the event.
    expect(await shown(page).locator('.event-card__thumb').getAttribute('aria-hidden')).toBe('true');
    await page.waitForFunction(() => {
      const img = document.querySelector('.event-card__thumb img') as HTMLImageElement | null;
      return Boolean(img && img.complete && img.naturalWidth === 240);
    });
    const box = await shown(page).locator('.event-card__thumb').boundingBox();
    expect(box && Math.round((box.width / box.height) * 100)).toBe(133);
    await shot('card-with-thumbnail');

    await tapText(page, title);
    const cover = shown(page).locator('.detail-cover img');
    await cover.waitFor();
    await page.waitForFunction(() => {
      const img = [...document.querySelectorAll('.detail-cover img')].pop() as HTMLImageElement | undefined;
      return Boolean(img && img.complete && img.naturalWidth === 750);
    });
    await shot('detail-with-cover');
  });
});
