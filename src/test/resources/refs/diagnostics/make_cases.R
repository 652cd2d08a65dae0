# More diagnostics reference cases, the same kind as the shared visible case (poisson_frequency_holdout): R's glm
# fitted on the training rows, then totals, lift, Gini and A/E by factor on the training and the test rows, with
# the definitions Atelier's engine.diagnostics documents. They cover weighted and unweighted fits, with and without
# exposure, rows of zero weight (zero exposure), many ties (all-categorical models), 5 and 20 buckets, numeric
# columns as levels (<= 20 values) and as 10 equal-exposure bands, and a spec validation by column.
# Usage, from this folder: Rscript make_cases.R   (reads ../portfolio50k.csv.gz, writes one folder per case)
suppressMessages({ library(data.table); library(jsonlite) })
d0 <- as.data.frame(fread(cmd = "gzip -dc ../portfolio50k.csv.gz"))

# row i of the order goes to bucket min(k, floor(k * (C_{i-1} + e_i / 2) / C) + 1)
bucket_of <- function(e, k) { C <- sum(e); before <- cumsum(e) - e; if (C > 0) pmin(k, floor(k * (before + e / 2) / C) + 1) else rep(1, length(e)) }
sums <- function(s, e, A, E) list(n_obs = sum(s), exposure = sum(e[s]), actual = sum(A[s]), expected = sum(E[s]))
lift <- function(r, e, A, E, k) {
  o <- order(r, seq_along(r)); b <- integer(length(r)); b[o] <- bucket_of(e[o], k)
  lapply(seq_len(k), function(j) c(list(bucket = j), sums(b == j, e, A, E)))
}
gini <- function(r, e, A) {
  g <- aggregate(cbind(e, A), by = list(r = r), FUN = sum); g <- g[order(-g$r), ]
  X <- c(0, cumsum(g$e) / sum(e)); Y <- c(0, cumsum(g$A) / sum(A))
  2 * sum(diff(X) * (head(Y, -1) + tail(Y, -1)) / 2) - 1
}
label <- function(v) as.character(v)
# levels as written (text, or numbers with at most 20 values); else 10 equal-exposure bands over the sorted distinct
# values (ties never split), labelled "low – high"
factor_levels <- function(x, e, A, E) {
  if (is.character(x) || length(unique(x)) <= 20) {
    lv <- sort(unique(as.character(x)))
    return(lapply(lv, function(l) c(list(level = l), sums(as.character(x) == l, e, A, E))))
  }
  v <- sort(unique(x)); ev <- as.numeric(tapply(e, factor(x, levels = v), sum)); ev[is.na(ev)] <- 0
  bv <- bucket_of(ev, 10); band <- bv[match(x, v)]
  out <- list()
  for (j in sort(unique(bv))) {
    lo <- min(v[bv == j]); hi <- max(v[bv == j])
    out[[length(out) + 1]] <- c(list(level = if (lo == hi) label(lo) else paste0(label(lo), " \u2013 ", label(hi))),
                                sums(band == j, e, A, E))
  }
  out
}
diag_set <- function(m, d, spec, factors, k) {
  mu <- predict(m, newdata = d, type = "response")
  w <- if (is.null(spec$weights)) rep(1, nrow(d)) else d[[spec$weights]]
  t <- if (is.null(spec$offset)) rep(1, nrow(d)) else d[[spec$offset]]
  y <- d[[spec$response]]; e <- w * t; A <- w * y; E <- w * mu
  r <- if (is.null(spec$offset)) mu else { d1 <- d; d1[[spec$offset]] <- 1; predict(m, newdata = d1, type = "response") }
  pos <- w > 0
  list(n_obs = nrow(d), exposure = sum(e), actual = sum(A), expected = sum(E), ae = sum(A) / sum(E),
       deviance = sum(w[pos] * family(m)$dev.resids(y[pos], mu[pos], rep(1, sum(pos)))), gini = gini(r, e, A),
       lift = lift(r, e, A, E, k),
       factors = lapply(setNames(factors, factors), function(f) factor_levels(d[[f]], e, A, E)))
}
L <- function(...) setNames(lapply(c(...), function(x) list(type = "linear")), c(...))
K <- function(...) setNames(lapply(c(...), function(x) list(type = "categorical")), c(...))
j <- function(x) toJSON(x, auto_unbox = TRUE, null = "null", digits = NA, pretty = TRUE)
gz <- function(d, path) { fwrite(d, path); system(paste("gzip -f", shQuote(path))) }
case <- function(name, d, test_rows, terms, formula, family, response, factors, offset = NULL, weights = NULL,
                 cats = character(0), k = 10, columns = names(d), validation = NULL) {
  d <- d[, columns]
  f <- d; for (v in cats) f[[v]] <- factor(f[[v]])
  train <- f[!test_rows, ]; test <- f[test_rows, ]
  fam <- switch(family, poisson = poisson(), binomial = binomial(), gamma = Gamma("log"), gaussian = gaussian())
  fo <- as.formula(paste(response, "~", formula, if (!is.null(offset)) paste0("+ offset(log(", offset, "))") else ""))
  ctl <- glm.control(epsilon = 1e-12, maxit = 100)
  m <- if (is.null(weights)) glm(fo, fam, train, control = ctl) else glm(fo, fam, train, weights = train[[weights]], control = ctl)
  spec <- list(response = response, terms = terms, interactions = list(), family = family, link = NULL,
               var_power = 1.5, theta = NULL, offset = offset, weights = weights, intercept = TRUE,
               fit_options = list(max_iter = 50, tol = 1e-10), validation = validation)
  ref <- list(buckets = k, factors = factors, train = diag_set(m, train, spec, factors, k),
              test = diag_set(m, test, spec, factors, k))
  dir.create(name, showWarnings = FALSE)
  if (is.null(validation)) { gz(d[!test_rows, ], file.path(name, "train.csv")); gz(d[test_rows, ], file.path(name, "test.csv")) }
  else gz(d, file.path(name, "data.csv"))
  write(j(spec), file.path(name, "spec.json")); write(j(ref), file.path(name, "ref.json"))
  cat(name, "train n", ref$train$n_obs, "gini", ref$train$gini, "test n", ref$test$n_obs, "gini", ref$test$gini, "\n")
}

set.seed(11)
d <- d0[1:6000, ]
d$W <- sample(c(0, 1, 2, 3), nrow(d), replace = TRUE, prob = c(0.1, 0.5, 0.3, 0.1))
# weighted Poisson with exposure, all factors categorical (rating cells: many ties), a banded and a level-wise
# numeric column, rows of zero weight, 20 buckets
case("poisson_weighted_ties", d, seq_len(nrow(d)) > 4500, K("Area", "VehGas", "VehBrand"),
     "Area + VehGas + VehBrand", "poisson", "ClaimNb", c("Area", "VehGas", "DrivAge", "VehPower"),
     offset = "Exposure", weights = "W", cats = c("Area", "VehGas", "VehBrand"), k = 20,
     columns = c("ClaimNb", "Exposure", "W", "Area", "VehGas", "VehBrand", "DrivAge", "VehPower"))
# unweighted binomial without exposure, a linear term, 5 buckets
d <- d0[10001:15000, ]
case("binomial_unweighted", d, d$IDpol %% 4 == 0, c(K("Area"), L("BonusMalus")), "Area + BonusMalus",
     "binomial", "Renewed", c("Area", "BonusMalus", "Region"), cats = "Area", k = 5,
     columns = c("IDpol", "Renewed", "Area", "BonusMalus", "Region"))
# weighted Gamma severity (weights = claim counts), no exposure
d <- d0[d0$ClaimAmount > 0, ][1:1500, ]
case("gamma_weighted_severity", d, seq_len(nrow(d)) %% 3 == 0, c(K("VehGas"), L("DrivAge")), "VehGas + DrivAge",
     "gamma", "ClaimAmount", c("VehGas", "DrivAge", "Area"), weights = "ClaimNb", cats = "VehGas",
     columns = c("ClaimAmount", "ClaimNb", "VehGas", "DrivAge", "Area"))
# unweighted Poisson with exposure, hold-out by a spec validation on a column, categorical only (ties)
d <- d0[20001:25000, ]
d$Part <- ifelse(d$IDpol %% 5 == 1, "test", "train")
case("poisson_validation_column", d, d$Part == "test", K("Area", "VehGas"), "Area + VehGas", "poisson", "ClaimNb",
     c("Area", "VehGas", "Density"), offset = "Exposure", cats = c("Area", "VehGas"),
     columns = c("ClaimNb", "Exposure", "Area", "VehGas", "Density", "Part"),
     validation = list(method = "column", column = "Part", test_values = list("test")))
