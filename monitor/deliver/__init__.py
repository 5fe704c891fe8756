"""Stage 3, deliver: CSV export, Datasette serving, alerts and digests, and the daily scheduler."""
