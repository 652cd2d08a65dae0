import polars as pl
import rustystats as rs

# Load your data
data = pl.read_csv("your_data.csv")  # adjust path and format
# data = pl.read_parquet("your_data.parquet")  # Parquet alternative

# Model specification
terms = {
    "Area": {"type": "categorical"},
    "VehBrand": {"type": "frequency_encoding"},
    "Region": {"type": "target_encoding", "prior_weight": 2.0, "n_permutations": 8},
}

# Build model
model = rs.glm_dict(
    response="ClaimNb",
    terms=terms,
    data=data,
    intercept=False,
    family="negbinomial",
    link="log",
    theta=2.5,
    offset="Exposure",
)

# Fit model
result = model.fit()

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
