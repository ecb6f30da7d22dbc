/**
 * Scores of binary late / not-late forecasts against what happened (docs/prediction.md defines them):
 * Accuracy at P(late) = 0.5, macro F1 over the two classes, Brier score of P(late), and the mean
 * absolute error of the forecast days late against max(0, paid - due).
 */

export interface Scores {
  readonly predictions: number;
  readonly accuracy: number;
  readonly f1Macro: number;
  readonly brier: number;
  readonly maeDays: number;
}

/**
 * Accumulates forecasts one by one; `scores()` reads the totals.
 * @example
 * const b = new ScoreBoard();
 * b.add(0.9, 10, 12); b.add(0.2, 0, 0); b.add(0.6, 5, 0);
 * b.scores() // { predictions: 3, accuracy: 0.6666666666666666, f1Macro: 0.6666666666666666, brier: 0.13666666666666666, maeDays: 2.3333333333333335 }
 */
export class ScoreBoard {
  private n = 0;
  private correct = 0;
  /** Counts by (predicted late, actually late). */
  private tp = 0;
  private fp = 0;
  private fn = 0;
  private tn = 0;
  private brierSum = 0;
  private absSum = 0;

  /** One forecast: P(late), the forecast days late, and the actual days late (max(0, paid - due)). */
  add(pLate: number, forecastDays: number, actualDaysLate: number): void {
    const late = actualDaysLate > 0;
    const saysLate = pLate > 0.5;
    this.n++;
    if (saysLate === late) this.correct++;
    if (saysLate && late) this.tp++;
    else if (saysLate) this.fp++;
    else if (late) this.fn++;
    else this.tn++;
    this.brierSum += (pLate - (late ? 1 : 0)) ** 2;
    this.absSum += Math.abs(forecastDays - actualDaysLate);
  }

  scores(): Scores {
    const f1 = (tp: number, fp: number, fn: number): number => (tp === 0 ? 0 : (2 * tp) / (2 * tp + fp + fn));
    const n = Math.max(1, this.n);
    return {
      predictions: this.n,
      accuracy: this.correct / n,
      // The on-time class's true positives are the true negatives of the late class.
      f1Macro: (f1(this.tp, this.fp, this.fn) + f1(this.tn, this.fn, this.fp)) / 2,
      brier: this.brierSum / n,
      maeDays: this.absSum / n,
    };
  }
}
