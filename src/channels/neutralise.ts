/**
 * Post text and author names are hostile. These helpers make them inert in each markup a channel speaks:
 * no mentions (@all, <!channel>, <at>), no links or formatting injected by the author.
 */

const FULLWIDTH: Record<string, string> = {
  '*': '＊', _: '＿', '[': '［', ']': '］', '(': '（', ')': '）', '#': '＃', '`': '｀',
  '>': '＞', '<': '＜', '~': '～', '|': '｜', '@': '＠', '!': '！', '\\': '＼',
};

/** Breaks autolinks ("https://x", "www.x") without making the text unreadable. */
export function defangLinks(s: string): string {
  return s.replace(/:\/\//g, '：//').replace(/\bwww\./gi, (m) => `${m.slice(0, 3)}\u200B.`);
}

/** Folds whitespace runs (including newlines an author could use to fake a heading) into one space. */
export function oneLine(s: string): string {
  return s.replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, ' ').replace(/\s{2,}/g, ' ').trim();
}

/**
 * For markdown dialects without a reliable escape (DingTalk, WeCom, Teams, Feishu lark_md):
 * markup characters become their full-width look-alikes, which every client shows literally.
 * Why not backslashes: several of these clients print the backslash.
 */
export function inertMarkdown(s: string): string {
  return defangLinks(oneLine(s)).replace(/[*_[\]()#`<>~|@!\\]/g, (c) => FULLWIDTH[c] ?? c);
}

/** Slack mrkdwn: the three control characters Slack asks to escape (this kills <!channel> and <@U…>), and a full-width @. */
export function inertSlack(s: string): string {
  return defangLinks(oneLine(s))
    .replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
    .replace(/@/g, '＠');
}

/** Plain text (IM `text` tags, plain mail): only mentions and autolinks need breaking. */
export function inertPlain(s: string): string {
  return defangLinks(oneLine(s)).replace(/@/g, '＠');
}

/** Truncates to at most `max` characters (code points), marking the cut with an ellipsis. */
export function clip(s: string, max: number): string {
  const cps = Array.from(s);
  return cps.length <= max ? s : cps.slice(0, Math.max(0, max - 1)).join('') + '…';
}

/** Makes a trusted URL safe inside markdown link parentheses: no spaces or parentheses can end it early. */
export function markdownUrl(url: string): string {
  return url.replace(/[\s()<>]/g, (c) => encodeURIComponent(c));
}

/** Only http(s) URLs become links; anything else (javascript:, data:) is dropped. */
export function safeHttpUrl(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const u = new URL(url);
    return u.protocol === 'https:' || u.protocol === 'http:' ? u.toString() : null;
  } catch {
    return null;
  }
}
