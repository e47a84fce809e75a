#pragma once

namespace focalscope {

// The two-sided p-value of Student's t distribution with df degrees of freedom (df > 0, not
// necessarily an integer): P(|T| >= |t|) = I_{df / (df + t^2)}(df / 2, 1 / 2), R's
// 2 * pt(-abs(t), df). NaN for a NaN t or df <= 0; 0 for an infinite t.
// Relative error against scipy: below 1e-13 up to df = 1e4, then growing about as 1e-17 df
// (4e-11 at df = 1e6: the continued fraction sees x = df / (df + t^2) close to 1).
double studentTwoSidedP(double t, double df);

// The regularized incomplete beta function I_x(a, b) for a, b > 0 and x in [0, 1], given x and
// 1 - x separately (so that neither loses digits to a subtraction): the continued fraction of
// Numerical Recipes' betacf, evaluated by the modified Lentz method.
double regularizedIncompleteBeta(double a, double b, double x, double oneMinusX);

} // namespace focalscope
