"""Good-practice stories of social innovation and their faceted index."""
