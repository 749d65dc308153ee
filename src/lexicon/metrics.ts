/** Macro-F1 of negative vs not-negative: the figure the goals are stated in. */

export interface BinaryCounts {
  tp: number;
  fp: number;
  fn: number;
  tn: number;
}

/** Counts predictions against gold labels. */
export function confusion(pred: boolean[], gold: boolean[]): BinaryCounts {
  const c = { tp: 0, fp: 0, fn: 0, tn: 0 };
  for (let i = 0; i < gold.length; i++) {
    if (pred[i] && gold[i]) c.tp++;
    else if (pred[i]) c.fp++;
    else if (gold[i]) c.fn++;
    else c.tn++;
  }
  return c;
}

function f1(tp: number, fp: number, fn: number): number {
  return tp === 0 ? 0 : (2 * tp) / (2 * tp + fp + fn);
}

/** Mean of the F1 of the negative class and the F1 of the not-negative class. */
export function macroF1(c: BinaryCounts): number {
  return (f1(c.tp, c.fp, c.fn) + f1(c.tn, c.fn, c.fp)) / 2;
}
