/** PLACEHOLDER: `emberwatch start` is not built yet. */
export async function run(_args: string[]): Promise<number> {
  process.stderr.write('emberwatch start: not implemented yet\n');
  return 2;
}
