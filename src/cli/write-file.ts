// Writes text to a file piece by piece (the JSON report comes a few dozen items at a time).
// Pieces are encoded into one reused buffer and written synchronously when it fills:
// fs.promises.writeFile with an iterable makes a fresh Buffer for every piece, and on a 20 MB
// report allocating and faulting in those buffers costs several times more than the writing.
import { closeSync, openSync, writeSync } from 'node:fs';

const BUFFER_BYTES = 1 << 20;
/** A piece's UTF-8 bytes take at most 3 per UTF-16 unit (a surrogate pair: 4 bytes for 2 units). */
const MAX_UTF8_PER_UNIT = 3;

export function writeTextFile(file: string, text: string | Iterable<string>): void {
  const fd = openSync(file, 'w');
  try {
    let buffer = Buffer.allocUnsafe(BUFFER_BYTES);
    let used = 0;
    const flush = () => {
      for (let written = 0; written < used; ) written += writeSync(fd, buffer, written, used - written);
      used = 0;
    };
    for (const piece of typeof text === 'string' ? [text] : text) {
      const most = piece.length * MAX_UTF8_PER_UNIT;
      if (used + most > buffer.length) {
        flush();
        if (most > buffer.length) buffer = Buffer.allocUnsafe(most);
      }
      used += buffer.write(piece, used, 'utf8');
    }
    flush();
  } finally {
    closeSync(fd);
  }
}
