/** PLACEHOLDER: `emberwatch poll` is not built yet. */
export async function run(_args: string[]): Promise<number> {
  process.stderr.write('emberwatch poll: not implemented yet\n');
  return 2;
}
