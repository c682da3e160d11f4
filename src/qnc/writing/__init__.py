"""Writing files: atomically, and never over a file qnc did not make."""
