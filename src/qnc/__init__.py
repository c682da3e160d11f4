"""qnc: follow-up of Qualiopi audit non-conformities kept as YAML files."""

__version__ = "0.1.0"
