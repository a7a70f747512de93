"""Maintainer tooling, run by hand or by CI: the link-rot issue, synthetic datasets for the
benchmark, and the message catalogue."""
