"""Pure domain rules for Sigap: identity numbers, regions, money, dates, benefits, claims."""
