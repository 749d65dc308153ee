/** Brand files for tests. */

/** Acme: one English query for "acme" and one signed push source whose secret is in ACME_INGEST_SECRET. */
export function acmePushBrand(o: { name?: string; timezone?: string; lang?: 'en' | 'zh' } = {}): string {
  return `id: acme
name: ${o.name ?? 'Acme'}
timezone: ${o.timezone ?? 'UTC'}
${o.lang ? `lang: ${o.lang}\n` : ''}queries:
  - lang: en
    must: [acme]
sources:
  - name: push
    kind: webhook
    secret_env: ACME_INGEST_SECRET
`;
}
