/** PLACEHOLDER: `emberwatch channels` is not built yet. */
export async function run(_args: string[]): Promise<number> {
  process.stderr.write('emberwatch channels: not implemented yet\n');
  return 2;
}
