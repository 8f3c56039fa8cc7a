"""Engines run the same per-article processing in-process or in a local process pool (identical results)."""
