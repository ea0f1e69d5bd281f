/**
 * The loopback SMTP server of bench/delivery.ts, run as its own process so its CPU is not counted as ours:
 * accepts everything, reads each message body to the end and throws it away (nothing is kept in memory), and
 * counts messages and bytes. Prints `{"port":…}` once listening; on a line "count" on stdin it answers
 * `{"messages":…,"bytes":…}` (and zeroes the counters), so the benchmark can check every message arrived.
 *
 *   tsx bench/delivery-smtp-sink.ts
 */
import { createInterface } from 'node:readline';

import { SMTPServer } from 'smtp-server';

let messages = 0;
let bytes = 0;

const server = new SMTPServer({
  secure: false,
  disabledCommands: ['STARTTLS', 'AUTH'],
  authOptional: true,
  logger: false,
  // Many messages per connection: nodemailer's pool reuses each one (maxMessages) and so does the bare loop.
  maxClients: 64,
  closeTimeout: 500,
  onData(stream, _session, callback) {
    stream.on('data', (chunk: Buffer) => {
      bytes += chunk.length;
    });
    stream.on('end', () => {
      messages += 1;
      callback(null);
    });
  },
});

server.listen(0, '127.0.0.1', () => {
  const address = server.server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  process.stdout.write(`${JSON.stringify({ port })}\n`);
});

createInterface({ input: process.stdin }).on('line', (line) => {
  if (line.trim() !== 'count') return;
  process.stdout.write(`${JSON.stringify({ messages, bytes })}\n`);
  messages = 0;
  bytes = 0;
});
process.stdin.on('end', () => server.close(() => process.exit(0)));
