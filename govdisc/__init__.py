"""govdisc — validate a government information-disclosure register and compute its deadlines."""

__version__ = "0.1.0"
