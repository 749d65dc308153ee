/** Recognises posts by a brand's own accounts, configured per brand as "handle" or "platform:handle". */

export interface BrandAccount {
  /** Lower-case platform name, or null for "this handle on any platform". */
  platform: string | null;
  /** Lower-case handle without a leading @. */
  handle: string;
}

/** Lower-cases and strips a leading @ and surrounding spaces, so "@Acme_CN " and "acme_cn" compare equal. */
export function normaliseHandle(h: string): string {
  return h.trim().replace(/^@+/, '').toLowerCase();
}

/** Parses "weibo:AcmeOfficial", "@acme" or "acme.bsky.social" into an account; the platform part is optional. */
export function parseBrandAccount(spec: string): BrandAccount {
  const m = /^([a-z][a-z0-9_-]*):(?!\/\/)(.+)$/i.exec(spec.trim());
  return m ? { platform: m[1]!.toLowerCase(), handle: normaliseHandle(m[2]!) } : { platform: null, handle: normaliseHandle(spec) };
}

/** True when the post's author is one of the brand's accounts (platform checked when the account names one). */
export function isBrandPost(post: { authorHandle: string; platform?: string | null }, accounts: Array<string | BrandAccount>): boolean {
  const handle = normaliseHandle(post.authorHandle);
  const platform = post.platform ? post.platform.toLowerCase() : null;
  return accounts.some((a) => {
    const acc = typeof a === 'string' ? parseBrandAccount(a) : a;
    return acc.handle === handle && (acc.platform === null || acc.platform === platform);
  });
}
