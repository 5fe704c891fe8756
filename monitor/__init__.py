"""ogi-monitor: regional news monitoring for Open Government Indonesia."""

__version__ = "0.1.0"
