"""Email verification: syntax, typos, lists, DNS and an SMTP probe (a pure engine, no database)."""
