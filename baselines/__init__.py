"""Baseline cards and configs, one folder per baseline; shipped in the wheel as
`gainsay.baseline_configs` (read with importlib.resources). See gainsay/baselines/__init__.py."""
