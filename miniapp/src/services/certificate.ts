// The volunteer's service-record certificate (PDF), opened the platform's way.
import { openFile } from '@/services/download';

export const certificatePath = '/me/volunteer/certificate.pdf';

export function openCertificate(): Promise<void> {
  return openFile(certificatePath, '科技志愿服务记录证明.pdf', 'pdf');
}
