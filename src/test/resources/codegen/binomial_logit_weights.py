import polars as pl
import rustystats as rs

# Load your data
data = pl.read_csv("your_data.csv")  # adjust path and format
# data = pl.read_parquet("your_data.parquet")  # Parquet alternative

# Model specification
terms = {
    "BonusMalus": {"type": "linear"},
    "Region": {"type": "categorical", "levels": ["R11", "R24", "R82"]},
    "Area": {"type": "categorical"},
}

# Build model
model = rs.glm_dict(
    response="Renewed",
    terms=terms,
    data=data,
    family="binomial",
    link="logit",
    weights="Exposure",
    seed=1,
)

# Fit model
result = model.fit(
    max_iter=50,
    tol=1e-10,
)

# View results
print(result.summary())

# Coefficient table
coef_table = result.coef_table()
print(coef_table)

# Diagnostics
diagnostics = result.diagnostics(train_data=data)
print(diagnostics.to_json(indent=2))
