"""Crawling a company's website: the crawler, extraction, email finding (no database)."""
