"""The tools layer: maintainer tooling, run by hand or by CI (the link-rot issue, synthetic
datasets for the benchmark, the message catalogue)."""
