/** PLACEHOLDER: `emberwatch score-text` is not built yet. */
export async function run(_args: string[]): Promise<number> {
  process.stderr.write('emberwatch score-text: not implemented yet\n');
  return 2;
}
