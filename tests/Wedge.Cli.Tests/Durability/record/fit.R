# Fits R's coxph to the counting-process panel Wedge exported from the record (the built-in case plus the Mapping
# Militants import), and writes the numbers tests/Wedge.Cli.Tests/Durability/RecordDurabilityTests.cs compares with.
#   Rscript fit.R            (in this folder; writes r-fit.txt)
suppressMessages(library(survival))
d <- read.csv("mmp-panel.csv")
fit <- coxph(Surv(start, stop, event) ~ leader_death_known + shared_rival + state_sponsor + other_allies,
             data = d, cluster = spell, ties = "efron")
out <- c(sprintf("R %s survival %s", getRversion(), packageVersion("survival")),
         sprintf("n %d events %d", fit$n, fit$nevent),
         sprintf("loglik %.17g %.17g", fit$loglik[1], fit$loglik[2]),
         sprintf("concordance %.17g", fit$concordance[["concordance"]]),
         sprintf("coef %s %.17g %.17g %.17g", names(coef(fit)), coef(fit), sqrt(diag(fit$naive.var)), sqrt(diag(fit$var))))
writeLines(out, "r-fit.txt")
