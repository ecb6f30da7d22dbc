/**
 * The normal distribution's upper tail, for the "late given still open" feature: a customer's days
 * to pay taken as normal with its (shrunk) mean and spread.
 */

/**
 * erfc(x), the complementary error function, by the Chebyshev fit of Numerical Recipes (erfcc):
 * relative error below 1.2e-7 everywhere.
 * @example erfc(0) // 1.0000000300000005
 */
export function erfc(x: number): number {
  const z = Math.abs(x);
  const t = 1 / (1 + 0.5 * z);
  const r =
    t *
    Math.exp(
      -z * z -
        1.26551223 +
        t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))),
    );
  return x >= 0 ? r : 2 - r;
}

/** P(X > x) for X ~ N(mean, sd^2). @example normalTail(0, 0, 1) // 0.5000000150000002 (erfc is exact to 1.2e-7) */
export function normalTail(x: number, mean: number, sd: number): number {
  return 0.5 * erfc((x - mean) / (sd * Math.SQRT2));
}

/**
 * P(X > b | X > a) for X ~ N(mean, sd^2) and a <= b: the chance that a quantity already above a
 * ends above b. When P(X > a) underflows, the exponential tail's limit (the hazard of the normal
 * grows linearly, so the chance goes to 0) is returned as 0.
 * @example conditionalTail(0, 0, 0, 1) // 1
 */
export function conditionalTail(a: number, b: number, mean: number, sd: number): number {
  const above = normalTail(a, mean, sd);
  if (above < 1e-300) return 0;
  return Math.min(1, normalTail(b, mean, sd) / above);
}
