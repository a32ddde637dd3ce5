"""`@frozen`: a frozen, slotted dataclass that is faster to make.

The `__init__` dataclasses write for a frozen class sets each field with `object.__setattr__`
(the class's own `__setattr__` refuses); the one here calls each slot's own setter instead:
1.7x faster for three fields. It is for the records a parse or a lint makes by the thousand
(inline markup, paragraphs, dates, citations, the rule context: some 50,000 in a warm pass
over the corpus); writing the faster `__init__` costs a tenth of a millisecond per class at
import, so the records made a few times per document stay plain dataclasses. Everything
else is the dataclass's: the instances are immutable, compared, hashed, ordered (with
`order=True`) and printed by their fields.
"""
from __future__ import annotations

from dataclasses import MISSING, dataclass, fields


def frozen(cls=None, /, **options):
    """`@frozen` or `@frozen(order=True)`: `@dataclass(frozen=True, slots=True, **options)`
    with a faster `__init__` (the same parameters, defaults and `__post_init__`)."""

    def wrap(cls):
        cls = dataclass(frozen=True, slots=True, **options)(cls)
        cls.__init__ = _slot_setting_init(cls)
        return cls

    return wrap if cls is None else wrap(cls)


def _slot_setting_init(cls):
    parameters, lines = [], []
    namespace = {}
    for field in fields(cls):
        if not field.init or field.kw_only or field.default_factory is not MISSING:
            raise TypeError(f"@frozen does not write {cls.__name__}.{field.name}: use @dataclass")
        namespace[f"_set_{field.name}"] = getattr(cls, field.name).__set__
        if field.default is MISSING:
            parameters.append(field.name)
        else:
            namespace[f"_default_{field.name}"] = field.default
            parameters.append(f"{field.name}=_default_{field.name}")
        lines.append(f"    _set_{field.name}(self, {field.name})")
    if hasattr(cls, "__post_init__"):
        lines.append("    self.__post_init__()")
    source = f"def __init__(self, {', '.join(parameters)}):\n" + ("\n".join(lines) or "    pass")
    exec(source, namespace)  # as dataclasses itself writes __init__
    init = namespace["__init__"]
    init.__qualname__ = f"{cls.__qualname__}.__init__"
    return init
