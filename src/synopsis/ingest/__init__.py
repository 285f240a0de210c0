"""Reading articles: readers, cleaning, metadata, the outlet registry."""
