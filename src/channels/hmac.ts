/** HMAC-SHA256 through Web Crypto, available on Node 20 and Workers alike (no node:crypto import). */

const enc = new TextEncoder();

/** Base64 of HMAC-SHA256(key, message). */
export async function hmacSha256Base64(key: string | Uint8Array, message: string): Promise<string> {
  const k = await crypto.subtle.importKey('raw', typeof key === 'string' ? enc.encode(key) : key, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  const sig = new Uint8Array(await crypto.subtle.sign('HMAC', k, enc.encode(message)));
  return bytesToBase64(sig);
}

export function bytesToBase64(bytes: Uint8Array): string {
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin);
}

export function base64ToBytes(b64: string): Uint8Array {
  const bin = atob(b64);
  return Uint8Array.from(bin, (c) => c.charCodeAt(0));
}
