# Cross-check references from statsmodels' GLM (IRLS to convergence; Pearson scale for estimated-dispersion
# families, as R's summary.glm). Run: python3 make_refs.py PORTFOLIO.csv.gz SEVERITY.csv.gz OUTDIR
import sys, json, numpy as np, pandas as pd, statsmodels.api as sm, statsmodels.formula.api as smf
d = pd.read_csv(sys.argv[1]); sev = pd.read_csv(sys.argv[2]); out = sys.argv[3]
F = sm.families; L = sm.families.links
cases = {
  'tweedie_log': (d, 'ClaimAmount ~ C(Area) + BonusMalus + DrivAge', F.Tweedie(var_power=1.6, link=L.Log()), np.log(d.Exposure)),
  'gamma_inverse': (sev, 'Severity ~ DrivAge + C(VehGas)', F.Gamma(link=L.InversePower()), None),
  'gaussian_log': (d, 'BonusMalus ~ DrivAge + C(Area)', F.Gaussian(link=L.Log()), None),
  'binomial_log': (d, 'Renewed ~ DrivAge + C(Area) + BonusMalus', F.Binomial(link=L.Log()), None),
  'quasipoisson': (d, 'ClaimNb ~ C(Area) + BonusMalus + VehAge', F.Poisson(), np.log(d.Exposure)),
}
for name, (data, formula, family, offset) in cases.items():
    m = smf.glm(formula, data=data, family=family, offset=offset).fit(tol=1e-13, maxiter=200,
            scale='X2' if name == 'quasipoisson' else None)
    rename = lambda k: k.replace('C(', '').replace(')', '')
    json.dump({'deviance': m.deviance, 'null_deviance': m.null_deviance, 'scale': m.scale,
               'params': {rename(k): v for k, v in m.params.items()}, 'bse': {rename(k): v for k, v in m.bse.items()}},
              open(f'{out}/{name}.json', 'w'), indent=1)
    print(name, m.deviance, m.scale)
