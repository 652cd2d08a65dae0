import pandas as pd, numpy as np, statsmodels.api as sm, statsmodels.formula.api as smf, json
d = pd.read_csv('/work/shared/refs/portfolio50k.csv.gz')
print(d.ClaimNbOD.describe())
m = smf.negativebinomial('ClaimNbOD ~ C(Area) + BonusMalus + DrivAge + C(VehGas)', data=d, offset=np.log(d.Exposure)).fit(method='bfgs', maxiter=2000, gtol=1e-10, disp=0)
print(m.params, 'theta', 1/m.params['alpha'], m.bse)
print('llf', m.llf, 'converged', m.mle_retvals['converged'])
json.dump({'theta': 1/m.params['alpha'], 'llf': m.llf, 'params': {k: v for k, v in m.params.items()}, 'bse': {k: v for k, v in m.bse.items()}}, open('/tmp/nb_ref.json','w'), indent=1)
