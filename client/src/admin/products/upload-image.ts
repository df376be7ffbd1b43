import type { ErrorCode } from '../../graphql/generated';

export type UploadAnswer = { url: string } | { errorCode: ErrorCode; message: string };

/**
 * Sends a picture's bytes to the upload slot the product service gave; the service checks its
 * type and size and answers 201 { url } or 400 { errorCode, message }.
 */
export async function uploadImage(uploadUrl: string, file: File): Promise<UploadAnswer> {
  const answer = await fetch(uploadUrl, {
    method: 'POST',
    headers: { 'content-type': file.type || 'application/octet-stream' },
    body: file,
  });
  if (answer.status === 201 || answer.status === 400) return (await answer.json()) as UploadAnswer;
  throw new Error(`upload failed: HTTP ${answer.status}`);
}
