import polars as pl
import rustystats as rs

# Load your data
data = pl.read_csv("your_data.csv")  # adjust path and format
# data = pl.read_parquet("your_data.parquet")  # Parquet alternative

# Model specification
terms = {
    "DrivAge": {"type": "bs", "df": 6, "degree": 2},
    "VehAge": {"type": "bs", "df": 4},
    "VehGas": {"type": "categorical"},
    "BonusMalusSquared": {"type": "expression", "monotonicity": "increasing", "expr": "BonusMalus ** 2"},
}

# Build model
model = rs.glm_dict(
    response="PurePremium",
    terms=terms,
    data=data,
    family="tweedie",
    var_power=1.7,
    weights="Exposure",
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
