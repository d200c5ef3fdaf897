// Standard output for the stdio transport, writing each JSON-RPC message in one piece.
//
// vscode-jsonrpc writes a message's header and its body as two writes, the body after the header's
// write completes. On Linux a write to a pipe is synchronous and wakes the client: two writes make
// two wake-ups, two reads and a partial message for the client to keep. Holding the header until
// its body comes makes one write per message.
import { Writable } from 'node:stream';

const HEADER_START = Buffer.from('Content-Length:', 'ascii');

export class OneWritePerMessage extends Writable {
  private header: Buffer | undefined;

  constructor(private readonly out: NodeJS.WritableStream) {
    super();
    // The connection watches this stream for the end of its output.
    out.on('error', (error: Error) => this.destroy(error));
    out.on('close', () => this.destroy());
  }

  override _write(chunk: Buffer, _encoding: BufferEncoding, callback: (error?: Error | null) => void): void {
    if (this.header === undefined && isHeader(chunk)) {
      this.header = chunk;
      callback();
      return;
    }
    const data = this.header ? Buffer.concat([this.header, chunk]) : chunk;
    this.header = undefined;
    this.out.write(data, (error?: Error | null) => callback(error));
  }

  override _final(callback: (error?: Error | null) => void): void {
    // A header whose body never came is written as it is: nothing the connection wrote is lost.
    if (this.header) this.out.write(this.header);
    this.header = undefined;
    callback();
  }
}

function isHeader(chunk: Buffer): boolean {
  return chunk.length >= HEADER_START.length && chunk.subarray(0, HEADER_START.length).equals(HEADER_START) && chunk.subarray(-4).toString('ascii') === '\r\n\r\n';
}
