/** PLACEHOLDER: `emberwatch sources` is not built yet. */
export async function run(_args: string[]): Promise<number> {
  process.stderr.write('emberwatch sources: not implemented yet\n');
  return 2;
}
