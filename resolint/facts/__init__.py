"""What is known about one document, computed once per document (see ARCHITECTURE.md)."""
