import polars as pl
import rustystats as rs

# Load your data
data = pl.read_csv("your_data.csv")  # adjust path and format
# data = pl.read_parquet("your_data.parquet")  # Parquet alternative

# Model specification
terms = {
    "VehAge": {"type": "linear"},
    "DrivAge": {"type": "bs", "df": 5},
    "BonusMalus": {"type": "linear", "monotonicity": "increasing"},
    "Region": {"type": "categorical"},
    "VehBrand": {"type": "target_encoding", "prior_weight": 1.0},
    "Density": {"type": "ns", "df": 4},
}

interactions = [
    {
        "VehAge": {"type": "linear"},
        "Region": {"type": "categorical"},
        "include_main": True,
    },
]

# Build model
model = rs.glm_dict(
    response="ClaimNb",
    terms=terms,
    data=data,
    interactions=interactions,
    family="poisson",
    offset="Exposure",
    seed=42,
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
