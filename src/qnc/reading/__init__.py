"""From paths to records: which audit folders and files, YAML text with the position of
every key and value, and validation into :mod:`qnc.model` records."""
