# Pass-1 labels of the seed article by the lead annotator ("lead"): label, source, cue, tags.
LEAD = [
    ("denial", "Iran", "denies", ["headline", "attributed_denial"]),
    ("denial", "Tehran", "shoots them down", ["headline", "mixed", "attributed_denial"]),
    ("attribution", "two European intelligence sources who spoke to Reuters", "According to", ["anonymous_source", "nested_attribution"]),
    ("attribution", "The sources", "claimed", ["anonymous_source"]),
    ("attribution", "The sources", "indicated", ["anonymous_source"]),
    ("attribution", "The Iranian Permanent Mission to the United Nations in New York", "acknowledging", ["confirmation"]),
    ("denial", "the UN mission", "refrains from transferring any weapons", ["attributed_denial", "implicit_denial"]),
    ("denial", "Iran", "dismissed", ["headline", "attributed_denial"]),
    ("denial", "Iranian Foreign Ministry Spokesperson Nasser Kanaani", "unfounded", ["attributed_denial", "quote"]),
    ("attribution", "he", "said", ["quote"]),
    ("attribution", "The Iranian envoy", "made note of the fact", ["confirmation"]),
    ("denial", "He", "never", ["attributed_denial", "implicit_denial"]),
    ("denial", "he", "biased political motivations", ["attributed_denial", "implicit_denial", "quote"]),
    ("attribution", "NATO leaders", "claimed", []),
]
