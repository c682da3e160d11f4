"""What the files say: validated, immutable records, the RNQ grids, durations and dates.

Pure: no file, no clock, no terminal. Everything else reads these types."""
