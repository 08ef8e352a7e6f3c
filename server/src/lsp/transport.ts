// The message writers the server talks through, for the two transports editors start it with. The
// library's writers do not fit a server that pushes diagnostics for thousands of releases:
// - over stdio, it writes one message per turn of the event loop, each after the last one's header
//   and body were both flushed, so the diagnostics of the release being typed in waited behind
//   every diagnostic queued before them (the benchmark measured tens of milliseconds);
// - over Node IPC (VS Code), it resolves every write at once, so the server cannot tell that the
//   editor is behind and would queue a whole workspace's diagnostics in the channel.
// These write each message at once, in order, and resolve when it has been handed to the OS: the
// server's background check waits on that (see `send` in server.ts).

import { AbstractMessageWriter, IPCMessageReader, StreamMessageReader, type Message, type MessageReader, type MessageWriter } from 'vscode-languageserver/node';

class StreamWriter extends AbstractMessageWriter implements MessageWriter {
  constructor(private readonly stream: NodeJS.WritableStream) {
    super();
    stream.on('error', (error: Error) => this.fireError(error));
    stream.on('close', () => this.fireClose());
  }

  write(message: Message): Promise<void> {
    const body = Buffer.from(JSON.stringify(message), 'utf8');
    const frame = Buffer.concat([Buffer.from(`Content-Length: ${body.byteLength}\r\n\r\n`, 'ascii'), body]);
    return new Promise((resolve, reject) => {
      this.stream.write(frame, (error?: Error | null) => {
        if (error) {
          this.fireError(error, message);
          reject(error);
        } else resolve();
      });
    });
  }

  end(): void {
    this.stream.end();
  }
}

class IpcWriter extends AbstractMessageWriter implements MessageWriter {
  constructor(private readonly process: NodeJS.Process) {
    super();
    process.on('error', (error: Error) => this.fireError(error));
    process.on('disconnect', () => this.fireClose());
  }

  write(message: Message): Promise<void> {
    if (typeof this.process.send !== 'function') return Promise.reject(new Error('no IPC channel to the editor'));
    return new Promise((resolve, reject) => {
      this.process.send!(message, undefined, undefined, (error: Error | null) => {
        if (error) {
          this.fireError(error, message);
          reject(error);
        } else resolve();
      });
    });
  }

  end(): void {}
}

/**
 * The reader and writer for the transport the command line names (`--stdio`, `--node-ipc`), or
 * null for any other (a socket or a pipe: the library's own transport).
 */
export function transportFrom(argv: readonly string[]): [MessageReader, MessageWriter] | null {
  if (argv.includes('--node-ipc')) return [new IPCMessageReader(process), new IpcWriter(process)];
  if (argv.includes('--stdio')) return [new StreamMessageReader(process.stdin), new StreamWriter(process.stdout)];
  return null;
}
