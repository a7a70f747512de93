"""Subcommands of `explainer`; each module has `register(subparsers)`."""
