/**
 * A real SMTP server on loopback for the mail tests (nodemailer tests itself the same way): smtp-server on
 * 127.0.0.1, port 0, plain text, AUTH optional, with hooks to refuse a recipient, refuse a message, or drop the
 * connection after the final dot. Every accepted message is kept as raw bytes.
 */
import type { AddressInfo } from 'node:net';

import { SMTPServer, type SMTPServerAddress, type SMTPServerSession } from 'smtp-server';

export interface TestServerHooks {
  /** Return an SMTP code (e.g. 550, 451) to refuse this RCPT TO, or undefined to accept it. */
  rcpt?: (address: string, session: SMTPServerSession) => number | undefined;
  /** After the whole message was read: 'accept', a code to refuse it, or 'drop' to close the socket without a reply. */
  data?: (raw: Buffer, session: SMTPServerSession) => 'accept' | 'drop' | number;
  /** Required credentials; when set, AUTH is checked. */
  auth?: { user: string; pass: string };
}

export interface TestServer {
  port: number;
  /** Raw messages accepted (250), in order. */
  messages: Buffer[];
  /** Messages read completely whose connection was then dropped (the RFC 1047 window). */
  dropped: Buffer[];
  /** RCPT TO addresses seen, accepted or not. */
  recipients: string[];
  close(): Promise<void>;
}

function smtpError(code: number, text: string): Error {
  return Object.assign(new Error(text), { responseCode: code });
}

export async function startTestServer(hooks: TestServerHooks = {}): Promise<TestServer> {
  const messages: Buffer[] = [];
  const dropped: Buffer[] = [];
  const recipients: string[] = [];
  const server: SMTPServer = new SMTPServer({
    secure: false,
    authOptional: hooks.auth === undefined,
    allowInsecureAuth: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onAuth(auth, _session, callback) {
      if (hooks.auth === undefined || (auth.username === hooks.auth.user && auth.password === hooks.auth.pass)) {
        callback(null, { user: auth.username });
      } else {
        callback(smtpError(535, 'Authentication failed'));
      }
    },
    onRcptTo(address: SMTPServerAddress, session, callback) {
      recipients.push(address.address);
      const code = hooks.rcpt?.(address.address, session);
      callback(code === undefined ? null : smtpError(code, code >= 500 ? 'No such user here' : 'Try again later'));
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks);
        const verdict = hooks.data?.(raw, session) ?? 'accept';
        if (verdict === 'accept') {
          messages.push(raw);
          callback(null);
        } else if (verdict === 'drop') {
          dropped.push(raw);
          // The message is complete on our side, and the client never hears back: RFC 1047's window.
          for (const connection of server.connections as Set<{ session: SMTPServerSession; _socket: { destroy(): void } }>) {
            if (connection.session === session) connection._socket.destroy();
          }
        } else {
          callback(smtpError(verdict, verdict >= 500 ? 'Message rejected' : 'Local error, try again later'));
        }
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const port = (server.server.address() as AddressInfo).port;
  return {
    port,
    messages,
    dropped,
    recipients,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
