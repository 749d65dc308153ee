/**
 * The Channel interface: one file per alert channel, registered in `registry.ts`.
 * `render` is pure and table-tested; `send` does I/O only through the injected `io`.
 */
import type { Alert } from '../core/types.js';
import type { HttpClient } from '../lib/http.js';

export type FailureReason = 'timeout' | 'rate-limited' | 'server-error' | 'rejected' | 'bad-config' | 'network' | 'platform-error';

/** Outcome of one send. `permanent` failures disable the channel and fall back to the next route. */
export type Delivery =
  | { ok: true; id?: string }
  | { ok: false; permanent: boolean; reason: FailureReason; detail: string; retryAfterMs?: number };

/** A rendered message: one or more parts (long messages are split within the platform's limits). */
export interface Outbound {
  parts: OutboundPart[];
}

export type OutboundPart =
  | { kind: 'json'; body: unknown }
  | { kind: 'email'; subject: string; text: string; html: string; attachments?: { filename: string; cid: string; contentType: string; content: Uint8Array }[] };

export interface MailMessage {
  from: string;
  to: string[];
  subject: string;
  text: string;
  html: string;
  attachments?: { filename: string; cid: string; contentType: string; content: Uint8Array }[];
  /** Idempotency key, also used as Message-ID seed. */
  idempotencyKey: string;
}

export interface ChannelIO {
  http: HttpClient;
  /** Sends mail (nodemailer on Node, an HTTP mail API on Workers). */
  mail?(msg: MailMessage): Promise<Delivery>;
  now(): number;
  /** Idempotency key of this delivery (outbox row), for platforms that accept one. */
  idempotencyKey: string;
}

export interface Channel<Cfg> {
  kind: string;
  description: string;
  configSchema: Record<string, { type: 'string' | 'number' | 'boolean' | 'string[]'; required?: boolean; secret?: boolean; description: string }>;
  /** Validates raw config (secrets resolved from env); throws an Error naming the field. */
  parseConfig(raw: Record<string, unknown>, env: Record<string, string | undefined>): Cfg;
  render(alert: Alert, cfg: Cfg): Outbound;
  send(msg: Outbound, cfg: Cfg, io: ChannelIO): Promise<Delivery>;
  /** Strings in cfg that must never appear in logs, delivery rows or pages. */
  secrets(cfg: Cfg): string[];
}
