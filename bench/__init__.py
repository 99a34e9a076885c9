"""Benchmarks and the flake hunt: scripts, never timed tests."""
