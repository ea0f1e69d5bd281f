/**
 * A real SMTP server on loopback for the delivery tests (nodemailer tests itself the same way): smtp-server on
 * 127.0.0.1 with an OS-chosen port, keeping every message it accepted, raw and parsed with mailparser, and
 * misbehaving on request per recipient and attempt: a 550 at RCPT, a 451 N times before accepting, the socket
 * destroyed after the whole body was read (RFC 1047's duplicate window), or no server at all (stop/start on the
 * same port). Parsed with skipImageLinks, so the HTML keeps its cid: references as sent.
 *
 * A message whose connection is dropped after the body still counts as received: the server has it, which is
 * the whole point of the "uncertain" state.
 */
import { createHash } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer, type SMTPServerSession } from 'smtp-server';

/** How the server answers: accept, or fail with this reply code and text. */
export type SinkReply = 'accept' | { code: number; message?: string };

export interface SinkBehaviour {
  /** RCPT TO for `address`, its `attempt`-th time (1-based, counted per address over the sink's life). */
  onRcpt?: (address: string, attempt: number) => SinkReply;
  /** After the whole body was read; 'drop' destroys the socket instead of answering. `attempt` counts per first recipient. */
  onData?: (recipients: readonly string[], attempt: number) => SinkReply | 'drop';
}

export interface ReceivedMessage {
  /** Envelope recipients, lower case. */
  to: string[];
  from: string;
  raw: Buffer;
  parsed: ParsedMail;
  /** True when the sink dropped the connection instead of answering 250. */
  dropped: boolean;
}

export interface SmtpSink {
  readonly host: string;
  readonly port: number;
  /** smtp://[user:pass@]127.0.0.1:<port> */
  readonly url: string;
  readonly messages: ReceivedMessage[];
  /** Messages received for one address. */
  receivedBy(address: string): ReceivedMessage[];
  /** RCPT attempts per address, failed ones included. */
  rcptAttempts(address: string): number;
  behave(behaviour: SinkBehaviour): void;
  /** Stops listening (clients get ECONNREFUSED) and drops open connections; `start()` listens on the same port again. */
  stop(): Promise<void>;
  start(): Promise<void>;
  close(): Promise<void>;
}

/** Behaviours the acceptance list asks for, ready to combine with `combine`. */
export const behaviours = {
  /** 5xx at RCPT for one address, every time. */
  rejectRecipient(address: string, code = 550): SinkBehaviour {
    return { onRcpt: (to) => (to === address ? { code, message: `5.1.1 <${address}>: Recipient address rejected: User unknown` } : 'accept') };
  },
  /** 4xx at RCPT for one address for its first `times` attempts, then accept. */
  deferRecipient(address: string, times: number, code = 451): SinkBehaviour {
    return {
      onRcpt: (to, attempt) => (to === address && attempt <= times ? { code, message: `4.7.1 <${address}>: Greylisted, try again later` } : 'accept'),
    };
  },
  /** Read the whole body for one address, then destroy the socket without answering, its first `times` times. */
  dropAfterBody(address: string, times = 1): SinkBehaviour {
    return { onData: (recipients, attempt) => (recipients.includes(address) && attempt <= times ? 'drop' : 'accept') };
  },
  combine(...parts: SinkBehaviour[]): SinkBehaviour {
    return {
      onRcpt: (address, attempt) => firstFailure(parts.map((part) => part.onRcpt?.(address, attempt) ?? 'accept')),
      onData: (recipients, attempt) => {
        const replies = parts.map((part) => part.onData?.(recipients, attempt) ?? 'accept');
        return replies.includes('drop') ? 'drop' : firstFailure(replies.filter((reply): reply is SinkReply => reply !== 'drop'));
      },
    };
  },
};

function firstFailure(replies: SinkReply[]): SinkReply {
  return replies.find((reply) => reply !== 'accept') ?? 'accept';
}

function smtpError(reply: Exclude<SinkReply, 'accept'>): Error & { responseCode: number } {
  // smtp-server puts the code in front of the text itself.
  return Object.assign(new Error(reply.message ?? 'refused by the test sink'), { responseCode: reply.code });
}

/** sha256 hex of a buffer, for comparing attachments with files. */
export function sha256Hex(data: Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/**
 * @example
 *   const sink = await startSmtpSink();
 *   sink.behave(behaviours.rejectRecipient('bad@example.test'));
 *   … run tradebrief with SMTP_URL=sink.url …
 *   await sink.close();
 */
export async function startSmtpSink(options: { auth?: { user: string; pass: string } } = {}): Promise<SmtpSink> {
  const host = '127.0.0.1';
  const messages: ReceivedMessage[] = [];
  const rcptCounts = new Map<string, number>();
  const dataCounts = new Map<string, number>();
  let behaviour: SinkBehaviour = {};
  let server: SMTPServer | undefined;
  let port = 0;

  const create = (): SMTPServer =>
    new SMTPServer({
      secure: false,
      disabledCommands: options.auth ? ['STARTTLS'] : ['STARTTLS', 'AUTH'],
      authOptional: true,
      allowInsecureAuth: true,
      logger: false,
      closeTimeout: 500,
      onAuth(auth, _session, callback) {
        if (options.auth && auth.username === options.auth.user && auth.password === options.auth.pass) return callback(null, { user: auth.username });
        return callback(Object.assign(new Error('535 5.7.8 Authentication failed'), { responseCode: 535 }));
      },
      onRcptTo(address, _session, callback) {
        const to = address.address.toLowerCase();
        const attempt = (rcptCounts.get(to) ?? 0) + 1;
        rcptCounts.set(to, attempt);
        const reply = behaviour.onRcpt?.(to, attempt) ?? 'accept';
        callback(reply === 'accept' ? null : smtpError(reply));
      },
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          void (async () => {
            const raw = Buffer.concat(chunks);
            const to = recipientsOf(session);
            const key = to[0] ?? '';
            const attempt = (dataCounts.get(key) ?? 0) + 1;
            dataCounts.set(key, attempt);
            const reply = behaviour.onData?.(to, attempt) ?? 'accept';
            if (reply !== 'accept' && reply !== 'drop') return callback(smtpError(reply));
            const from = session.envelope.mailFrom === false ? '' : session.envelope.mailFrom.address;
            // Stored before the 250 goes out, so a client that got its 250 always finds its message here.
            messages.push({ to, from, raw, parsed: await simpleParser(raw, { skipImageLinks: true }), dropped: reply === 'drop' });
            if (reply === 'drop') return destroyConnection(server, session);
            return callback(null, 'Message queued');
          })();
        });
      },
    });

  const listen = async (): Promise<void> => {
    server = create();
    const listening = server;
    await new Promise<void>((resolve, reject) => {
      listening.server.once('error', reject);
      listening.listen(port, host, () => resolve());
    });
    port = (listening.server.address() as AddressInfo).port;
  };
  const shut = async (): Promise<void> => {
    const closing = server;
    server = undefined;
    if (closing === undefined) return;
    for (const connection of closing.connections) connection._socket.destroy();
    await new Promise<void>((resolve) => closing.close(() => resolve()));
  };

  await listen();
  const credentials = options.auth ? `${encodeURIComponent(options.auth.user)}:${encodeURIComponent(options.auth.pass)}@` : '';
  return {
    host,
    get port() {
      return port;
    },
    get url() {
      return `smtp://${credentials}${host}:${port}`;
    },
    messages,
    receivedBy: (address) => messages.filter((message) => message.to.includes(address.toLowerCase())),
    rcptAttempts: (address) => rcptCounts.get(address.toLowerCase()) ?? 0,
    behave(next) {
      behaviour = next;
    },
    stop: shut,
    start: listen,
    close: shut,
  };
}

function recipientsOf(session: SMTPServerSession): string[] {
  return session.envelope.rcptTo.map((recipient) => recipient.address.toLowerCase());
}

/** The socket of the session's connection, destroyed after the body: the client never sees the 250 (RFC 1047). */
function destroyConnection(server: SMTPServer | undefined, session: SMTPServerSession): void {
  for (const connection of server?.connections ?? []) if (connection.id === session.id) connection._socket.destroy();
}
