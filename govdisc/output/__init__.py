"""Findings, obligations and statistics → text, JSON, CI formats. One module per format family."""
