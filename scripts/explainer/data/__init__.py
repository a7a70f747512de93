"""The data layer: reading and checking the data (pure): the record schema, the loader,
validation, the model and the French corpus. Nothing here imports MkDocs, renders a page or
starts a process."""
