"""Geography without a map service: country outlines cut from Natural Earth, a projection."""
