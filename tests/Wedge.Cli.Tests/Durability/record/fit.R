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
# The record's other covariates too: a change of leader on either side and the weighed evidence of the pair.
fit6 <- coxph(Surv(start, stop, event) ~ leader_death_known + shared_rival + state_sponsor + other_allies + leadership_change + evidence,
              data = d, cluster = spell, ties = "efron")
out <- c(out, sprintf("coef6 %s %.17g %.17g %.17g", names(coef(fit6)), coef(fit6), sqrt(diag(fit6$naive.var)), sqrt(diag(fit6$var))))
writeLines(out, "r-fit.txt")

# Predicted survival (survfit on the fit, R's default ctype for Efron ties) for two covariate paths held constant,
# at four times: the numbers CoxPrediction must give.
paths <- data.frame(leader_death_known = c(0, 1), shared_rival = c(1, 0), state_sponsor = c(0, 1), other_allies = c(3, 10))
sf <- summary(survfit(fit, newdata = paths), times = c(1, 5, 10, 20), extend = TRUE)
for (p in 1:2) for (k in seq_along(sf$time))
  out <- c(out, sprintf("surv %s %.17g %.17g", paste(unlist(paths[p, ]), collapse = ","), sf$time[k], sf$surv[k, p]))
writeLines(out, "r-fit.txt")

# Spell by spell (durability curves): a spell's time is its last stop, its ending its last row's, its group the
# shared_rival value on its first row. Kaplan–Meier of holding by group (a break is the event), the log-rank test, and
# the Aalen–Johansen incidence of each ending, at 1, 5, 10 and 20 years.
last <- d[!duplicated(d$spell, fromLast = TRUE), ]
first <- d[!duplicated(d$spell), ]
s <- data.frame(time = last$stop, ending = last$ending, rival = first$shared_rival[match(last$spell, first$spell)])
km <- summary(survfit(Surv(time, ending == "break") ~ rival, data = s), times = c(1, 5, 10, 20))
for (k in seq_along(km$time))
  out <- c(out, sprintf("holds %s %.17g %.17g", sub("rival=", "", km$strata[k]), km$time[k], km$surv[k]))
out <- c(out, sprintf("logrank %.17g", survdiff(Surv(time, ending == "break") ~ rival, data = s)$chisq))
s$state <- factor(s$ending, levels = c("censored", sort(setdiff(unique(s$ending), "censored"))))
aj <- summary(survfit(Surv(time, state) ~ 1, data = s), times = c(1, 5, 10, 20))
for (j in 2:ncol(aj$pstate)) for (k in seq_along(aj$time))
  out <- c(out, sprintf("incidence %s %.17g %.17g", levels(s$state)[j], aj$time[k], aj$pstate[k, j]))
writeLines(out, "r-fit.txt")
