# R reference figures for the engine's extra cases (splines, interactions, negative binomial, Tweedie, quasi
# families, no intercept, numeric factors). Run from this folder:
#   Rscript make_refs.R ../portfolio50k.csv.gz ../gamma_severity/data.csv.gz
# Feature names are rewritten to the engine's so the files read like the shared refs.
suppressMessages({ library(splines); library(MASS); library(statmod) })
args <- commandArgs(TRUE)
d <- read.csv(gzfile(args[1]), stringsAsFactors = TRUE)
sev <- read.csv(gzfile(args[2]), stringsAsFactors = TRUE)
num <- function(x) if (is.null(x) || is.na(x)) "null" else formatC(x, digits = 17, format = "g")
emit <- function(file, fit, names, extra = list()) {
  s <- summary(fit)
  co <- s$coefficients
  rows <- sprintf('    "%s": {"estimate": %s, "std_error": %s}', names, sapply(co[, 1], num), sapply(co[, 2], num))
  fields <- c(sprintf('  "deviance": %s', num(fit$deviance)), sprintf('  "null_deviance": %s', num(fit$null.deviance)),
              sprintf('  "df_resid": %d', fit$df.residual), sprintf('  "dispersion": %s', num(s$dispersion)),
              sprintf('  "aic": %s', if (is.null(fit$aic) || is.na(fit$aic) || grepl("quasi", fit$family$family)) "null" else num(fit$aic)))
  for (k in names(extra)) fields <- c(fields, sprintf('  "%s": %s', k, num(extra[[k]])))
  writeLines(c("{", paste0(fields, ","), '  "coefficients": {', paste(rows, collapse = ",\n"), "  }", "}"), file)
}
rn <- function(x) {
  x <- gsub("\\(Intercept\\)", "Intercept", x)
  for (f in c("Area", "VehGas", "VehBrand", "Region", "VehPowerF")) x <- gsub(paste0("^", f, "([A-Za-z0-9]+)$"), paste0(f, "[T.\\1]"), x)
  x <- gsub("^(.*):Area([A-F])$", "\\1:Area[T.\\2]", x)
  x <- gsub("^Area([A-F]):VehGas(Regular)$", "Area[\\1]:VehGas[T.\\2]", x)  # Area fully coded: no VehGas main effect
  x <- gsub("^(.*):VehGas(Regular)$", "\\1:VehGas[T.\\2]", x)
  x <- gsub("^bs\\((\\w+), df = (\\d+)\\)(\\d+)", "bs(\\1, \\3/\\2)", x)
  x <- gsub("^ns\\((\\w+), df = (\\d+)\\)(\\d+)", "ns(\\1, \\3/\\2)", x)
  x
}
ctl <- glm.control(epsilon = 1e-10, maxit = 50)

f <- glm(ClaimNb ~ bs(DrivAge, df = 5) + ns(Density, df = 3) + Area + offset(log(Exposure)), poisson, d, control = ctl)
emit("splines_poisson.json", f, rn(names(coef(f))))

f <- glm(ClaimNb ~ VehAge * Area + BonusMalus + Area:VehGas + offset(log(Exposure)), poisson, d, control = ctl)
emit("interactions_poisson.json", f, rn(names(coef(f))))

f <- glm.nb(ClaimNbOD ~ Area + BonusMalus + DrivAge + VehGas + offset(log(Exposure)), d, control = ctl)
emit("negbin_estimated.json", f, rn(names(coef(f))), list(theta = f$theta))

f <- glm(ClaimAmount ~ Area + BonusMalus + DrivAge + offset(log(Exposure)), tweedie(var.power = 1.6, link.power = 0), d, control = ctl)
emit("tweedie_log.json", f, rn(names(coef(f))))

f <- glm(ClaimNb ~ Area + BonusMalus + VehAge + offset(log(Exposure)), quasipoisson, d, control = ctl)
emit("quasipoisson.json", f, rn(names(coef(f))))

f <- glm(Severity ~ DrivAge + VehGas, Gamma("inverse"), sev, control = ctl)
emit("gamma_inverse.json", f, rn(names(coef(f))))

f <- glm(ClaimNb ~ 0 + Area + BonusMalus + offset(log(Exposure)), poisson, d, control = ctl)
emit("no_intercept.json", f, gsub("^Area([A-F])$", "Area[\\1]", names(coef(f))))

d$VehPowerF <- factor(d$VehPower)
f <- glm(ClaimNb ~ VehPowerF + offset(log(Exposure)), poisson, d, control = ctl)
emit("numeric_factor.json", f, gsub("^VehPowerF", "VehPower", rn(names(coef(f)))))

x <- c(18, 19, 20, 22, 25, 30, 33, 37, 41, 45, 50, 55, 60, 66, 72, 80, 90, 99)
b <- ns(x, df = 4)
p <- predict(b, c(10, 120))
writeLines(c("{", sprintf('  "ns_df4": [%s],', paste(sapply(t(b), num), collapse = ", ")),
             sprintf('  "ns_df4_outside": [%s]', paste(sapply(t(p), num), collapse = ", ")), "}"), "ns_basis.json")

# Second batch: spline x factor and numeric x numeric interactions, expressions, offsets on the identity link,
# binomial proportions with trials as weights, prior weights on Poisson.
rn2 <- function(x) {
  x <- gsub("^bs\\((\\w+), df = (\\d+), degree = \\d\\)(\\d+)", "bs(\\1, \\3/\\2)", x)
  x <- gsub("^bs\\((\\w+), df = (\\d+), degree = \\d\\)(\\d+):VehGasRegular$", "bs(\\1, \\3/\\2):VehGas[T.Regular]", x)
  x <- gsub("^VehGasRegular:Area([A-F])$", "VehGas[T.Regular]:Area[T.\\1]", x)
  x <- gsub("I\\(VehAge\\^2\\)", "VehAge2", x)
  x <- gsub("I\\(log\\(Density\\)\\)", "logDensity", x)
  rn(x)
}
f <- glm(ClaimNb ~ bs(DrivAge, df = 4, degree = 2) * VehGas + BonusMalus * VehAge + Area * VehGas + offset(log(Exposure)),
         poisson, d, control = ctl)
emit("interactions2_poisson.json", f, rn2(names(coef(f))))

f <- glm(ClaimNb ~ VehAge + I(VehAge^2) + I(log(Density)) + offset(log(Exposure)), poisson, d, control = ctl)
emit("expressions_poisson.json", f, rn2(names(coef(f))))

f <- glm(BonusMalus ~ DrivAge + Area + offset(DrivAge), gaussian, d, control = ctl)
emit("gaussian_offset.json", f, rn2(names(coef(f))))

agg <- aggregate(cbind(Renewed, n = 1) ~ Area + VehGas + VehPower, data = d, FUN = sum)
agg$p <- agg$Renewed / agg$n
write.csv(agg[, c("Area", "VehGas", "VehPower", "n", "p")], gzfile("binomial_trials.csv.gz"), row.names = FALSE, quote = FALSE)
f <- glm(p ~ Area + VehGas + VehPower, binomial, agg, weights = n, control = ctl)
emit("binomial_trials.json", f, rn2(names(coef(f))))

f <- glm(ClaimNb ~ Area + BonusMalus, poisson, d, weights = Exposure, control = ctl)
emit("poisson_weights.json", f, rn2(names(coef(f))))
