"""The label set: the one place it is defined. Order fixes the integer ids (0, 1, 2)."""

LABELS: tuple[str, ...] = ("claim", "denial", "attribution")
LABEL2ID: dict[str, int] = {name: i for i, name in enumerate(LABELS)}
ID2LABEL: dict[int, str] = dict(enumerate(LABELS))

