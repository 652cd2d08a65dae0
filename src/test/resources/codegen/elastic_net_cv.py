import polars as pl
import rustystats as rs

# Load your data
data = pl.read_csv("your_data.csv")  # adjust path and format
# data = pl.read_parquet("your_data.parquet")  # Parquet alternative

# Model specification
terms = {
    "DrivAge": {"type": "bs", "k": 10, "monotonicity": "decreasing"},
    "Density": {"type": "ns", "k": 8},
    "VehBrand": {"type": "categorical"},
}

# Build model
model = rs.glm_dict(
    response="ClaimNb",
    terms=terms,
    data=data,
    family="poisson",
    offset="Exposure",
    seed=7,
)

# Fit model
result = model.fit(
    l1_ratio=0.5,
    max_iter=100,
    regularization="elastic_net",
    cv=10,
    selection="1se",
    n_alphas=30,
    cv_seed=7,
)

# View results
print(result.summary())

# Coefficient table
coef_table = result.coef_table()
print(coef_table)

# Relativities (for log-link models)
relativities = result.relativities()
print(relativities)

# Diagnostics
diagnostics = result.diagnostics(train_data=data)
print(diagnostics.to_json(indent=2))
