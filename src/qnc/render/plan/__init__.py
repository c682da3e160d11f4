"""The action plan as a document: Markdown, and its building blocks."""
