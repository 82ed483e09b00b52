"""Commands: ``sori sql`` (attached once the text-to-SQL skill lands)."""
