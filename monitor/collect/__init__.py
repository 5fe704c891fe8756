"""Stage 1, collect: safe URLs, polite fetching, discovery of article links, extraction of text,
title, date and author, date parsing, and near-duplicate detection."""
