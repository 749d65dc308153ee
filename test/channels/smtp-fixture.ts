/** A real SMTP server on 127.0.0.1 (smtp-server) that records what nodemailer sends, with scripted failures. */
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export const SMTP_USER = 'ember';
export const SMTP_PASS = 'sm7p-pa55word-do-not-leak';

export interface SmtpFixture {
  port: number;
  messages: Buffer[];
  /** 'accept', or an SMTP reply code to answer DATA with (e.g. 451, 550). */
  mode: 'accept' | 451 | 550;
  /** When true the server answers bad credentials with a message echoing the password it was given. */
  echoPassword: boolean;
  close(): Promise<void>;
}

export async function startSmtp(): Promise<SmtpFixture> {
  const fx = { messages: [] as Buffer[], mode: 'accept' as SmtpFixture['mode'], echoPassword: false } as SmtpFixture;
  const server = new SMTPServer({
    secure: false,
    authOptional: true,
    allowInsecureAuth: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onAuth(auth, _session, cb) {
      if (auth.username === SMTP_USER && auth.password === SMTP_PASS && !fx.echoPassword) return cb(null, { user: SMTP_USER });
      const err = new Error(fx.echoPassword ? `Invalid credentials ${auth.username}:${auth.password}` : 'Invalid credentials') as Error & { responseCode: number };
      err.responseCode = 535;
      return cb(err);
    },
    onData(stream, _session, cb) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        if (fx.mode !== 'accept') {
          const err = new Error(fx.mode === 451 ? 'Temporary local problem, try later' : 'Message rejected as spam') as Error & { responseCode: number };
          err.responseCode = fx.mode;
          return cb(err);
        }
        fx.messages.push(Buffer.concat(chunks));
        cb();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  fx.port = (server.server.address() as AddressInfo).port;
  fx.close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return fx;
}
