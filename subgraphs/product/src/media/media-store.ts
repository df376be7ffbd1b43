/**
 * Where product pictures are kept, by key (`<uuid>.<ext>`). Embedded runs keep them on disk
 * (DiskMediaStore); object storage would implement the same three calls (docs/architecture.md#media).
 */
export interface MediaStore {
  put(key: string, bytes: Buffer): Promise<void>;
  /** The bytes, or undefined when there is no such picture. */
  get(key: string): Promise<Buffer | undefined>;
  /** Removing a picture that is not there is not an error. */
  delete(key: string): Promise<void>;
}
