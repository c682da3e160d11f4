"""Views in the terminal (Rich): status of one audit or of a portfolio, the indicators."""
