/** Every channel kind, by name. A new channel is one file and one line here. */
import type { Channel } from './channel.js';
import { email } from './email.js';
import { slack } from './slack.js';
import { teams } from './teams.js';
import { feishu } from './feishu.js';
import { dingtalk } from './dingtalk.js';
import { wecom } from './wecom.js';
import { webhook } from './webhook.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Registry = Record<string, Channel<any>>;

export const CHANNELS = { email, slack, teams, feishu, dingtalk, wecom, webhook } as const satisfies Registry;

export type ChannelKind = keyof typeof CHANNELS;

/** True when `kind` names a registered channel. */
export function isChannelKind(kind: string): kind is ChannelKind {
  return Object.hasOwn(CHANNELS, kind);
}
