// Files from the API (the volunteer certificate, sign-up and volunteer lists)
// in WeChat: downloaded with the session token, then opened in WeChat's
// document viewer (save or forward from there).
import Taro from '@tarojs/taro';
import { authHeader, buildUrl, failedResponse, networkFailure } from '@/services/request';

export type FileType = 'pdf' | 'xlsx';

/** A failed download still writes the server's JSON error to the temp file: read it for the Chinese message. */
function readErrorBody(filePath: string | undefined): unknown {
  if (!filePath) return null;
  try {
    return JSON.parse(String(Taro.getFileSystemManager().readFileSync(filePath, 'utf8')));
  } catch {
    return null;
  }
}

export async function openFile(path: string, _fileName: string, fileType: FileType): Promise<void> {
  let result: Taro.downloadFile.FileSuccessCallbackResult;
  try {
    result = await Taro.downloadFile({ url: buildUrl(path), header: authHeader() });
  } catch {
    throw networkFailure();
  }
  if (result.statusCode !== 200) throw failedResponse(result.statusCode, readErrorBody(result.tempFilePath));
  await Taro.openDocument({ filePath: result.tempFilePath, fileType, showMenu: true });
}
