/** PLACEHOLDER: `emberwatch replay` is not built yet. */
export async function run(_args: string[]): Promise<number> {
  process.stderr.write('emberwatch replay: not implemented yet\n');
  return 2;
}
