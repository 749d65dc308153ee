/** PLACEHOLDER: `emberwatch backtest` is not built yet. */
export async function run(_args: string[]): Promise<number> {
  process.stderr.write('emberwatch backtest: not implemented yet\n');
  return 2;
}
