"""synopsis: triangulate news reports of the same event across outlets."""

__version__ = "0.1.0"
