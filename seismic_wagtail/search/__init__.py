"""Language-aware search over the package's pages."""
