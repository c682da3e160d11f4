"""One module per command: options parsed, the application called, the result rendered."""
