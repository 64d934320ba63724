import { act, renderHook } from '@testing-library/react';
import { useFormSubmit } from '@/hooks/useFormSubmit';
import { ApiError } from '@/services/request';

const invalid = new ApiError('VALIDATION_FAILED', '提交的信息有误，请检查后重试', 400, {
  fields: [
    { path: 'realName', message: '请填写真实姓名' },
    { path: 'skills', message: '请至少选择一项技能' },
  ],
});

describe('useFormSubmit', () => {
  test('is busy while the request runs and returns its result', async () => {
    const { result } = renderHook(() => useFormSubmit());
    let finish!: (value: string) => void;
    let outcome: Promise<string | undefined>;
    act(() => {
      outcome = result.current.submit(
        () =>
          new Promise<string>((resolve) => {
            finish = resolve;
          }),
      );
    });
    expect(result.current.busy).toBe(true);
    await act(async () => finish('saved'));
    await expect(outcome!).resolves.toBe('saved');
    expect(result.current.busy).toBe(false);
  });

  test('a VALIDATION_FAILED answer puts each field’s Chinese message beside the field', async () => {
    const { result } = renderHook(() => useFormSubmit());
    let outcome: unknown = 'unset';
    await act(async () => {
      outcome = await result.current.submit(() => Promise.reject(invalid));
    });
    expect(outcome).toBeUndefined();
    expect(result.current.errors).toEqual({ realName: '请填写真实姓名', skills: '请至少选择一项技能' });
    expect(result.current.busy).toBe(false);
  });

  test('a later success clears the old field messages', async () => {
    const { result } = renderHook(() => useFormSubmit());
    await act(async () => {
      await result.current.submit(() => Promise.reject(invalid));
    });
    await act(async () => {
      await result.current.submit(async () => 'ok');
    });
    expect(result.current.errors).toEqual({});
  });
});
