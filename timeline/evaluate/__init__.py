"""Evaluation harness: corpus readers, scorers, peer adapters and the CI gate floors."""
