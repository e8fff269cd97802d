"""redactd's scanning core: find PII/PCI entities in text and redact them.

The compiled scanner (`core._scan`) finds candidate spans; this package's
Python modules validate phone numbers, normalise values, resolve overlaps and
build the redacted text.
"""
