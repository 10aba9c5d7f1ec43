"""Speaker identities across articles: names and their spelling variants, titles and roles, and the
registry that gives every person, organisation or group one stable id.  No spaCy here."""
