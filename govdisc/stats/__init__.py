"""Annual-report statistics: pure functions from register records to the figures of the
national format (国办公开办函〔2021〕30号). Rendering lives elsewhere."""

from govdisc.stats.annual import annual_stats
from govdisc.stats.crosscheck import Failure, check_applications, check_reviews

__all__ = ["annual_stats", "check_applications", "check_reviews", "Failure"]
