"""Outputs for the tools users already have: calendar, spreadsheet, e-mail, YAML to paste."""
