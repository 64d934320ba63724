// Owns: reading the one file of a multipart/form-data upload into memory, never more than
// the limit: a longer file is read on to its end without being kept (so the client gets its
// 413 rather than a cut connection) and a body declared far too large is refused at once.
import type { IncomingMessage } from 'node:http';
import busboy from 'busboy';
import { AppError, validationFailed } from '../../core/errors';

export interface UploadedFile {
  bytes: Buffer;
  /** The client's words about the file: kept for nothing but logs; the type is sniffed from the bytes. */
  filename: string;
}

/** Past this much declared body the request is refused unread: nobody uploads a cover that large by mistake. */
const DRAIN_LIMIT_FACTOR = 4;

const tooLarge = (limitBytes: number) =>
  new AppError('PAYLOAD_TOO_LARGE', 413, { limitBytes }, `图片不能超过 ${Math.round(limitBytes / 1024 / 1024)} MB，请压缩后再上传`);

/** Reads the multipart field `field` (the first file in it) up to `limitBytes`. */
export function readUploadedFile(req: IncomingMessage, field: string, limitBytes: number): Promise<UploadedFile> {
  const contentType = req.headers['content-type'] ?? '';
  if (!/^multipart\/form-data\b/i.test(contentType)) {
    return Promise.reject(validationFailed([{ path: field, message: '请选择要上传的图片（表单字段 file）' }]));
  }
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > limitBytes * DRAIN_LIMIT_FACTOR) return Promise.reject(tooLarge(limitBytes));

  return new Promise<UploadedFile>((resolve, reject) => {
    let parser: busboy.Busboy;
    try {
      parser = busboy({ headers: req.headers, limits: { files: 1, fileSize: limitBytes, fields: 10, parts: 12 } });
    } catch {
      reject(validationFailed([{ path: field, message: '上传的表单格式不正确' }]));
      return;
    }
    let file: UploadedFile | null = null;
    let failure: AppError | null = null;
    let received = 0;
    parser.on('file', (name, stream, info) => {
      if (name !== field || file || failure) {
        stream.resume();
        return;
      }
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => {
        received += chunk.length;
        if (!failure) chunks.push(chunk);
      });
      // busboy stops keeping the file at the limit and reads the rest away.
      stream.on('limit', () => {
        failure = tooLarge(limitBytes);
        chunks.length = 0;
      });
      stream.on('end', () => {
        if (!failure) file = { bytes: Buffer.concat(chunks), filename: info.filename ?? '' };
      });
    });
    parser.on('error', () => reject(validationFailed([{ path: field, message: '上传的表单格式不正确' }])));
    parser.on('close', () => {
      if (failure) reject(failure);
      else if (!file || received === 0) reject(validationFailed([{ path: field, message: '请选择要上传的图片（表单字段 file）' }]));
      else resolve(file);
    });
    // A client that sends on and on past the limit: stop counting on its goodwill.
    let total = 0;
    req.on('data', (chunk: Buffer) => {
      total += chunk.length;
      if (total > limitBytes * DRAIN_LIMIT_FACTOR) {
        req.unpipe(parser);
        req.resume();
        reject(tooLarge(limitBytes));
      }
    });
    req.pipe(parser);
  });
}
