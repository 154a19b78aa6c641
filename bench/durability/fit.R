# R's side of bench/durability: reads the generated CSVs, fits, and prints the fit's own seconds (reading excluded;
# one warm-up fit, then the median of three)
# and the coefficients (full precision) as JSON-ish lines for run.sh to compare.
suppressMessages(library(survival))
args <- commandArgs(trailingOnly = TRUE)
what <- args[1]; file <- args[2]
d <- read.csv(file)
if (what == "cox") {
  f <- function() coxph(Surv(start, stop, event) ~ x1 + x2 + x3 + x4 + x5 + x6 + x7 + x8, data = d, ties = "efron")
  fit <- f()  # warm-up, then the median of three timed fits (as Wedge.Bench.Durability does)
  cat(sprintf("fit_seconds %.4f\n", median(replicate(3, system.time(f())[["elapsed"]]))))
  cat(sprintf("loglik %.12g %.12g\n", fit$loglik[1], fit$loglik[2]))
  for (n in names(coef(fit))) cat(sprintf("coef %s %.12g %.12g\n", n, coef(fit)[[n]], sqrt(diag(fit$var))[which(names(coef(fit)) == n)]))
} else {
  f <- function() survfit(Surv(time, event) ~ 1, data = d)
  fit <- f()
  cat(sprintf("fit_seconds %.4f\n", median(replicate(3, system.time(f())[["elapsed"]]))))
  cat(sprintf("points %d\n", length(fit$time)))
  k <- length(fit$time) %/% 2
  cat(sprintf("surv_at %.12g %.12g %.12g %.12g\n", fit$time[k], fit$surv[k], fit$lower[k], fit$upper[k]))
}
