// The volunteer's service-record certificate (PDF) in WeChat: downloaded with
// the session token, then opened in WeChat's document viewer (save or forward from there).
import Taro from '@tarojs/taro';
import { authHeader, buildUrl, failedResponse, networkFailure } from '@/services/request';

export const certificatePath = '/me/volunteer/certificate.pdf';

/** A failed download still writes the server's JSON error to the temp file: read it for the Chinese message. */
function readErrorBody(filePath: string | undefined): unknown {
  if (!filePath) return null;
  try {
    return JSON.parse(String(Taro.getFileSystemManager().readFileSync(filePath, 'utf8')));
  } catch {
    return null;
  }
}

export async function openCertificate(): Promise<void> {
  let result: Taro.downloadFile.FileSuccessCallbackResult;
  try {
    result = await Taro.downloadFile({ url: buildUrl(certificatePath), header: authHeader() });
  } catch {
    throw networkFailure();
  }
  if (result.statusCode !== 200) throw failedResponse(result.statusCode, readErrorBody(result.tempFilePath));
  await Taro.openDocument({ filePath: result.tempFilePath, fileType: 'pdf', showMenu: true });
}
