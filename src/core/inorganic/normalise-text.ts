/** Normalises repost text so copy-pasted campaigns compare equal despite spacing, emoji, links and repost chains. */

/** Default texts platforms insert for a plain repost; they say nothing about coordination. */
const PLAIN_REPOST = /^(?:转发微博|轉發微博|repost|retweet|rt)$/i;

/** Own words of a repost, normalised: no repost chain, links, mentions, punctuation, emoji or case. */
export function normaliseRepostText(text: string): string {
  let t = text.normalize('NFKC');
  const chain = t.indexOf('//@'); // Weibo: "my words//@B: B's words//@C: ..." — keep only the reposter's own words
  if (chain >= 0) t = t.slice(0, chain);
  t = t
    .replace(/https?:\/\/\S+/gi, ' ')
    .replace(/@[\p{L}\p{N}_.-]+/gu, ' ')
    .replace(/^\s*rt\b:?/i, ' ')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');
  return PLAIN_REPOST.test(t) ? '' : t;
}
