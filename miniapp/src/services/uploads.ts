// Pictures for events (封面): chosen on the phone, sent as multipart with Taro.uploadFile
// (the one call that can send a file; Taro.request cannot), answered like any API call.
import Taro from '@tarojs/taro';
import type { UploadView } from '@kepu/shared';
import { ApiError, authHeader, buildUrl, failedResponse, networkFailure } from '@/services/request';

/** The contract's limit; checked here first so a large photo is not sent for nothing. */
export const MAX_IMAGE_BYTES = 5 * 1024 * 1024;

export const imageTooLargeMessage = '图片太大了，请选择 5 MB 以内的图片';
export const imageTypeMessage = '只支持 JPG、PNG 或 WebP 格式的图片';

function parse(data: unknown): unknown {
  if (typeof data !== 'string') return data;
  try {
    return JSON.parse(data);
  } catch {
    return null;
  }
}

/** Uploads one chosen picture; `onProgress` gets 0-100. Errors come back as ApiError with a Chinese message, no toast. */
export async function uploadImage(filePath: string, onProgress: (percent: number) => void): Promise<UploadView> {
  let result: Taro.uploadFile.SuccessCallbackResult;
  try {
    const task = Taro.uploadFile({ url: buildUrl('/uploads'), filePath, name: 'file', header: authHeader() });
    task.onProgressUpdate((update) => onProgress(update.progress));
    result = await task;
  } catch {
    throw networkFailure({ quiet: true });
  }
  const body = parse(result.data);
  if (result.statusCode === 201) return body as UploadView;
  if (result.statusCode === 413) throw new ApiError('PAYLOAD_TOO_LARGE', imageTooLargeMessage, 413);
  if (result.statusCode === 415) throw new ApiError('UNSUPPORTED_MEDIA_TYPE', imageTypeMessage, 415);
  throw failedResponse(result.statusCode, body, { quiet: true });
}
