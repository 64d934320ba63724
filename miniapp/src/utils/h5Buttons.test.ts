import { makeH5ButtonsAccessible } from './h5Buttons';

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('H5 buttons get the role, focus and keys of a native button', () => {
  beforeAll(() => makeH5ButtonsAccessible(document));
  beforeEach(() => {
    document.body.innerHTML = '';
  });

  test('buttons already on the page and buttons added later', async () => {
    // A page that already has a button when the app starts.
    const other = document.implementation.createHTMLDocument();
    other.body.innerHTML = '<taro-button-core>报名</taro-button-core>';
    makeH5ButtonsAccessible(other);
    const first = other.querySelector('taro-button-core')!;
    expect(first.getAttribute('role')).toBe('button');
    expect(first.getAttribute('tabindex')).toBe('0');

    const wrapper = document.createElement('div');
    wrapper.innerHTML = '<taro-button-core disabled="">提交</taro-button-core><taro-button-core disabled="false">取消</taro-button-core>';
    document.body.append(wrapper);
    await tick();
    const [submit, cancel] = Array.from(wrapper.querySelectorAll('taro-button-core'));
    expect([submit!.getAttribute('tabindex'), submit!.getAttribute('aria-disabled')]).toEqual(['-1', 'true']);
    expect([cancel!.getAttribute('tabindex'), cancel!.getAttribute('aria-disabled')]).toEqual(['0', 'false']);
  });

  test('a button that becomes enabled becomes focusable again', async () => {
    const button = document.createElement('taro-button-core');
    button.setAttribute('disabled', '');
    document.body.append(button);
    await tick();
    expect(button.getAttribute('tabindex')).toBe('-1');
    button.setAttribute('disabled', 'false');
    await tick();
    expect(button.getAttribute('tabindex')).toBe('0');
  });

  test('Enter and Space press it, other keys do not', () => {
    const button = document.createElement('taro-button-core');
    document.body.append(button);
    const clicks = jest.fn();
    button.addEventListener('click', clicks);
    for (const key of ['Enter', ' ', 'a']) button.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true }));
    expect(clicks).toHaveBeenCalledTimes(2);
  });
});
