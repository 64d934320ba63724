// The volunteer's service-record certificate (PDF) in the browser. The server
// reads the token only from the Authorization header, so a bare link would be
// refused: fetch it with the header, then hand the file to the browser.
import { authHeader, buildUrl, failedResponse, networkFailure } from '@/services/request';

export const certificatePath = '/me/volunteer/certificate.pdf';
const FILE_NAME = '科技志愿服务记录证明.pdf';

export async function openCertificate(): Promise<void> {
  let response: Response;
  try {
    response = await fetch(buildUrl(certificatePath), { headers: authHeader() });
  } catch {
    throw networkFailure();
  }
  if (!response.ok) throw failedResponse(response.status, await response.json().catch(() => null));
  const url = URL.createObjectURL(await response.blob());
  // A link click, not window.open: popup blockers allow it after an await, and phones offer to open or save the file.
  const link = document.createElement('a');
  link.href = url;
  link.download = FILE_NAME;
  link.rel = 'noopener';
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
