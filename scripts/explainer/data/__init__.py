"""Reading and checking the data (pure): the record schema, the loader, validation, the
model and the French corpus. Nothing here knows MkDocs, the site or processes."""
