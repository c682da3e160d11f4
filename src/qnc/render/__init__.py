"""Renderers: pure functions from report values to text (terminal, Markdown, JSON)."""
