/** PLACEHOLDER: `emberwatch lint-reply` is not built yet. */
export async function run(_args: string[]): Promise<number> {
  process.stderr.write('emberwatch lint-reply: not implemented yet\n');
  return 2;
}
