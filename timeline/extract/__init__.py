"""Event extraction: a one-way pipeline of named, pure stages (see ``pipeline.yaml``)."""
