"""Model families: each subpackage trains, saves, loads and serves one kind of model."""
