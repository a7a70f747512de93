"""Build a sourced, fact-checked explainer site from YAML records."""
