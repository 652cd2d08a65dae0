import polars as pl
import rustystats as rs

# Load your data
data = pl.read_csv("your_data.csv")  # adjust path and format
# data = pl.read_parquet("your_data.parquet")  # Parquet alternative

# Model specification
terms = {
    "DrivAge": {"type": "linear"},
}

# Build model
model = rs.glm_dict(
    response="BonusMalus",
    terms=terms,
    data=data,
    family="gaussian",
)

# Fit model
result = model.fit()

# View results
print(result.summary())

# Coefficient table
coef_table = result.coef_table()
print(coef_table)

# Diagnostics
diagnostics = result.diagnostics(train_data=data)
print(diagnostics.to_json(indent=2))
