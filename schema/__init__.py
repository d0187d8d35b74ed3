"""The JSON Schemas of Gainsay records and predictions, shipped in the wheel as `gainsay.schemas`
(read with importlib.resources)."""
