// Files from the API (the volunteer certificate, sign-up and volunteer lists)
// in the browser. The server reads the token only from the Authorization
// header, so a bare link would be refused: fetch with the header, then hand
// the file to the browser.
import { authHeader, buildUrl, failedResponse, networkFailure } from '@/services/request';

export type FileType = 'pdf' | 'xlsx';

export async function openFile(path: string, fileName: string, _fileType: FileType): Promise<void> {
  let response: Response;
  try {
    response = await fetch(buildUrl(path), { headers: authHeader() });
  } catch {
    throw networkFailure();
  }
  if (!response.ok) throw failedResponse(response.status, await response.json().catch(() => null));
  const url = URL.createObjectURL(await response.blob());
  // A link click, not window.open: popup blockers allow it after an await, and phones offer to open or save the file.
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
