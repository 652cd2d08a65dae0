# glmnet reference figures for the engine's penalised fits (RegularizedFitTest). Run from this folder:
#   Rscript make_refs.R ../portfolio50k.csv.gz
# Each case: glmnet at one lambda (the engine's alpha) and alpha (the engine's l1_ratio), standardize = TRUE,
# thresh = 1e-12, plus the penalised objective dev/(2 sum w) + lambda * sum_j s_j (a |b_j| + (1 - a)/2 s_j b_j^2)
# evaluated at glmnet's coefficients (s_j: the population sd of column j), and glmnet's own lambda_max (the first
# value of its default path) for the same alpha.
suppressMessages(library(glmnet))
args <- commandArgs(TRUE)
d <- read.csv(gzfile(args[1]), stringsAsFactors = TRUE)
num <- function(x) formatC(x, digits = 17, format = "g")
rn <- function(x) {
  for (f in c("Area", "VehGas", "VehBrand", "Region")) x <- gsub(paste0("^", f, "([A-Za-z0-9]+)$"), paste0(f, "[T.\\1]"), x)
  x
}
popsd <- function(x) sqrt(mean((x - mean(x))^2))
case <- function(file, formula, y, family, lambda, alpha, offset = NULL) {
  x <- model.matrix(formula, d)[, -1]
  fit <- glmnet(x, y, family = family, alpha = alpha, lambda = lambda, standardize = TRUE, thresh = 1e-12,
                offset = offset, maxit = 1e6)
  path <- glmnet(x, y, family = family, alpha = alpha, standardize = TRUE, offset = offset)
  b <- as.numeric(coef(fit))
  eta <- as.numeric(cbind(1, x) %*% b) + (if (is.null(offset)) 0 else offset)
  dev <- switch(family,
    gaussian = sum((y - eta)^2),
    poisson = 2 * sum(ifelse(y > 0, y * log(y / exp(eta)), 0) - (y - exp(eta))),
    binomial = { p <- 1 / (1 + exp(-eta)); -2 * sum(y * log(p) + (1 - y) * log(1 - p)) })
  s <- apply(x, 2, popsd)
  bb <- b[-1]
  objective <- dev / (2 * length(y)) + lambda * sum(s * (alpha * abs(bb) + (1 - alpha) / 2 * s * bb^2))
  names <- c("Intercept", rn(colnames(x)))
  rows <- sprintf('    "%s": %s', names, sapply(b, num))
  writeLines(c("{", sprintf('  "family": "%s",', family), sprintf('  "alpha": %s,', num(lambda)),
               sprintf('  "l1_ratio": %s,', num(alpha)), sprintf('  "deviance": %s,', num(dev)),
               sprintf('  "objective": %s,', num(objective)), sprintf('  "lambda_max": %s,', num(path$lambda[1])),
               '  "coefficients": {', paste(rows, collapse = ",\n"), "  }", "}"), file)
}
terms <- ~ Area + VehBrand + Region + BonusMalus + VehAge + DrivAge + VehPower
case("poisson_offset.json", terms, d$ClaimNb, "poisson", 2e-4, 0.5, offset = log(d$Exposure))
case("poisson_lasso.json", terms, d$ClaimNb, "poisson", 5e-4, 1, offset = log(d$Exposure))
case("binomial.json", terms, d$Renewed, "binomial", 1e-3, 0.3)
# gaussian: the response is scaled to unit population sd first, because glmnet's gaussian family standardises y
# internally and its solution then minimises the documented objective only for such a y (elastic net, 0 < a < 1)
d$ys <- log(d$Density) / popsd(log(d$Density))
case("gaussian.json", terms, d$ys, "gaussian", 5e-3, 0.7)
case("gaussian_ridge.json", terms, d$ys, "gaussian", 2e-2, 0)
