import { createHash } from 'node:crypto';
import { Transform } from 'node:stream';

/**
 * A pass-through that counts the bytes going through it and hashes them (SHA-256): what a backup
 * member is written and read back with. `sums()` is final once the stream has ended.
 */
export function countingStream(): { stream: Transform; sums: () => { bytes: number; sha256: string } } {
  const hash = createHash('sha256');
  let bytes = 0;
  const stream = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      hash.update(chunk);
      bytes += chunk.byteLength;
      done(null, chunk);
    },
  });
  return { stream, sums: () => ({ bytes, sha256: hash.digest('hex') }) };
}
