"""Lifecycles: one table of allowed status moves per model, one helper that makes them.

Each app declares its lifecycle next to its models (``<app>/lifecycle.py``)::

    GRANT = Lifecycle(
        model=GrantRequest,
        roles={REVIEWER: is_reviewer_of_grant, STAFF: "initiatives.pay_grant"},
        moves=[
            Move(S.REQUESTED, S.AWARDED, {REVIEWER}, _("Award")),
            Move(S.REQUESTED, S.DECLINED, {REVIEWER}, _("Decline"), note_required=True),
        ],
        refused=Refusal(_("This grant request has already been decided."), "decided"),
        forbidden=Refusal(_("Only reviewers can decide on a grant request."), "forbidden"),
    )

and a service moves an object with ``transition(locked, S.AWARDED, by=user, note=...)``
on the row it locked with ``select_for_update()`` inside its transaction. The helper

1. refuses someone who holds none of the roles that may ever move the object into
   that state (``forbidden``): an outsider learns nothing of the object's state;
2. refuses a move that is not in the table (``refused``; its message may name the
   states by their labels: ``%(from)s``, ``%(to)s``, and ``%(status)s``, the current
   state's label in lower case for use mid-sentence);
3. refuses an actor who may not make this particular move (``forbidden``);
4. strips the note, refuses a missing one where the move needs it (``note_missing``);
5. sets the field (and ``changes``, and the note in ``note_field`` if the object keeps
   it), saves only those fields, and records who, when, from, to and the note: in
   ``core.StatusChange``, or with the lifecycle's own ``record`` where people see the
   history on a page.

A service that must check more between asking and moving (an amount, a date) calls
``Lifecycle.check(...)``, which does 1-4 and returns a ``Step``, and later
``step.apply(changes=...)``. Roles are names for rules: a django-rules predicate, a
callable ``(user, obj) -> bool`` or a permission name asked through ``rules.has_perm``.
"""

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any, NoReturn

import rules
from django.db import connection, models
from django.utils import timezone

from .exceptions import ServiceError

RolePredicate = Callable[[Any, Any], bool] | str


@dataclass(frozen=True)
class Refusal:
    """A translated message (lazy) and the ServiceError code it is raised with."""

    message: str
    code: str


@dataclass(frozen=True, init=False)
class Move:
    """One allowed move: from, to, the roles that may make it, its button label."""

    from_status: str
    to_status: str
    who: frozenset[str]
    label: str = ""
    note_required: bool = False

    def __init__(self, from_status, to_status, who, label="", *, note_required=False):
        object.__setattr__(self, "from_status", str(from_status))
        object.__setattr__(self, "to_status", str(to_status))
        object.__setattr__(self, "who", frozenset(who))
        object.__setattr__(self, "label", label)
        object.__setattr__(self, "note_required", note_required)


@dataclass(frozen=True)
class Entry:
    """What a recorder writes: one move of one object."""

    obj: models.Model
    field: str
    from_status: str
    to_status: str
    by: Any
    at: Any
    note: str


def record_status_changes(entries: list[Entry]) -> list:
    """The default recorder: one ``core.StatusChange`` row per move."""
    from django.contrib.contenttypes.models import ContentType

    from .models import StatusChange

    return StatusChange.objects.bulk_create(
        StatusChange(
            content_type=ContentType.objects.get_for_model(entry.obj),
            object_id=entry.obj.pk,
            field=entry.field,
            from_state=entry.from_status,
            to_state=entry.to_status,
            by=entry.by if getattr(entry.by, "pk", None) else None,
            at=entry.at,
            note=entry.note,
        )
        for entry in entries
    )


_lifecycles: dict[tuple[type[models.Model], str], "Lifecycle"] = {}


class Lifecycle:
    def __init__(
        self,
        *,
        model: type[models.Model],
        moves: Iterable[Move],
        roles: Mapping[str, RolePredicate],
        refused: Refusal,
        forbidden: Refusal,
        note_missing: Refusal | None = None,
        refused_into: Mapping[str, Refusal] | None = None,
        forbidden_into: Mapping[str, Refusal] | None = None,
        field: str = "status",
        note_max: int | None = None,
        note_field: str | None = None,
        record: Callable[[list[Entry]], list] = record_status_changes,
    ) -> None:
        self.model, self.field = model, field
        self.moves: dict[tuple[str, str], Move] = {}
        for move in moves:
            self.moves[(move.from_status, move.to_status)] = move
        self.roles = dict(roles)
        self.refused, self.forbidden = refused, forbidden
        self.note_missing = note_missing or Refusal("", "note_required")
        self.refused_into = {str(k): v for k, v in (refused_into or {}).items()}
        self.forbidden_into = {str(k): v for k, v in (forbidden_into or {}).items()}
        self.note_max, self.note_field = note_max, note_field
        self.record = record
        self.choices = dict(model._meta.get_field(field).flatchoices)
        unknown = {r for move in self.moves.values() for r in move.who} - set(self.roles)
        states = {s for pair in self.moves for s in pair} - {str(v) for v in self.choices}
        if unknown or states:
            raise ValueError(f"{model.__name__}: unknown roles {unknown} or states {states}")
        _lifecycles[(model, field)] = self

    def __repr__(self) -> str:
        return f"<Lifecycle {self.model.__name__}.{self.field}>"

    def label(self, state: str) -> str:
        return str(self.choices.get(state, state))

    def moves_from(self, state: str, *, roles: set[str]) -> list[Move]:
        """The moves someone with ``roles`` may make from ``state``, in table order."""
        return [m for m in self.moves.values() if m.from_status == state and m.who & roles]

    def roles_of(self, user, obj, *, among: Iterable[str] | None = None) -> set[str]:
        """The roles (of ``among``, default all) that ``user`` holds for ``obj``."""
        return {
            name
            for name in (self.roles if among is None else among)
            if _holds(self.roles[name], user, obj)
        }

    def check(self, obj, to: str, *, by, note: str = "", extra_roles: Iterable[str] = ()):
        """Steps 1-4 of the module docstring; the returned ``Step`` makes the move."""
        if not connection.in_atomic_block:
            raise RuntimeError("Make a transition inside transaction.atomic() on a locked row.")
        to = str(to)
        current = getattr(obj, self.field)
        extra = set(extra_roles) & set(self.roles)
        into = set().union(*(m.who for m in self.moves.values() if m.to_status == to))
        held = (extra & into) | self.roles_of(by, obj, among=into - extra)
        if into and not held:
            self._refuse(self.forbidden_into.get(to, self.forbidden), current, to)
        move = self.moves.get((current, to))
        if move is None:
            self._refuse(self.refused_into.get(to, self.refused), current, to)
        acting = held & move.who
        if not acting:
            self._refuse(self.forbidden_into.get(to, self.forbidden), current, to)
        note = (note or "").strip()
        if self.note_max is not None:
            note = note[: self.note_max]
        if move.note_required and not note:
            self._refuse(self.note_missing, current, to)
        return Step(self, obj, move, by, frozenset(acting), note, timezone.now())

    def record_start(self, objs: Iterable[models.Model], *, by, note: str = "") -> list:
        """Record the first state of newly made objects (no ``from``)."""
        at = timezone.now()
        entries = [
            Entry(obj, self.field, "", getattr(obj, self.field), by, at, note) for obj in objs
        ]
        return self.record(entries) if entries else []

    def _refuse(self, refusal: Refusal, current: str, to: str) -> NoReturn:
        params = {
            "from": self.label(current),
            "to": self.label(to),
            "status": self.label(current).lower(),
        }
        raise ServiceError(str(refusal.message) % params, code=refusal.code)

    def _apply(self, steps: list["Step"], changes: Mapping[str, Any]) -> list:
        auto_now = [
            f.name for f in self.model._meta.concrete_fields if getattr(f, "auto_now", False)
        ]
        names = [self.field, *(n for n in changes if n != self.field)]
        names += [n for n in [self.note_field, *auto_now] if n and n not in names]
        entries = []
        for step in steps:
            obj = step.obj
            if obj.pk is None:
                raise ValueError("Save the object before its first transition.")
            from_status = getattr(obj, self.field)
            if from_status != step.move.from_status:  # applied twice, or moved meanwhile
                raise RuntimeError(f"{obj!r} is no longer {step.move.from_status}.")
            setattr(obj, self.field, step.move.to_status)
            if self.note_field:
                setattr(obj, self.note_field, step.note)
            for name, value in changes.items():
                setattr(obj, name, value)
            for name in auto_now:
                setattr(obj, name, step.at)
            entries.append(
                Entry(
                    obj, self.field, from_status, step.move.to_status, step.by, step.at, step.note
                )
            )
        if len(steps) == 1:
            steps[0].obj.save(update_fields=names)
        else:
            self.model.objects.bulk_update([s.obj for s in steps], names)
        return self.record(entries)


@dataclass(frozen=True)
class Step:
    """A move that passed every check; ``apply`` makes and records it."""

    lifecycle: Lifecycle
    obj: models.Model
    move: Move
    by: Any
    roles: frozenset[str]  # the actor's roles that allow this move
    note: str
    at: Any

    def apply(self, *, changes: Mapping[str, Any] | None = None):
        """Set the field (and ``changes``), save those fields only, return the record."""
        return self.lifecycle._apply([self], changes or {})[0]


def _holds(predicate: RolePredicate, user, obj) -> bool:
    if user is None:
        return False
    if isinstance(predicate, str):
        return rules.has_perm(predicate, user, obj)
    if isinstance(predicate, rules.Predicate):
        return bool(predicate.test(user, obj))
    return bool(predicate(user, obj))


def lifecycle_of(model_or_obj, field: str = "status") -> Lifecycle:
    model = model_or_obj if isinstance(model_or_obj, type) else type(model_or_obj)
    try:
        return _lifecycles[(model._meta.concrete_model, field)]
    except KeyError:
        raise LookupError(f"No lifecycle declared for {model.__name__}.{field}") from None


def lifecycles() -> list[Lifecycle]:
    """Every lifecycle declared so far (each app's ``lifecycle`` module declares its own)."""
    return list(_lifecycles.values())


def transition(
    obj,
    to: str,
    *,
    by,
    note: str = "",
    field: str = "status",
    changes: Mapping[str, Any] | None = None,
    extra_roles: Iterable[str] = (),
):
    """Move ``obj`` (a row locked in the caller's transaction) to ``to``; see above.

    ``extra_roles``: roles the calling service grants by a rule of its own (municipal
    staff approving a booking in the admin on the manager's behalf). Returns the record.
    """
    lifecycle = lifecycle_of(obj, field)
    step = lifecycle.check(obj, to, by=by, note=note, extra_roles=extra_roles)
    return step.apply(changes=changes)


def transition_many(
    objs: Iterable[models.Model],
    to: str,
    *,
    by,
    note: str = "",
    field: str = "status",
    changes: Mapping[str, Any] | None = None,
) -> list:
    """Move several locked rows of one model at once: every one is checked, or none moves."""
    objs = list(objs)
    if not objs:
        return []
    lifecycle = lifecycle_of(objs[0], field)
    steps = [lifecycle.check(obj, to, by=by, note=note) for obj in objs]
    return lifecycle._apply(steps, changes or {})


# --- Personal data (registered in apps.py) ----------------------------------------------


def status_changes_personal_data_export(user) -> list[dict]:
    """The moves this person made that ``core.StatusChange`` recorded, with their notes."""
    from .models import StatusChange

    return [
        {
            "object": f"{change.content_type.name} {change.object_id}",
            "from": change.from_state,
            "to": change.to_state,
            "at": change.at.isoformat(),
            "note": change.note,
        }
        for change in StatusChange.objects.filter(by=user).select_related("content_type")
    ]


def status_changes_personal_data_erase(user) -> None:
    """The moves stay (the objects' history); who made them is forgotten."""
    from .models import StatusChange

    StatusChange.objects.filter(by=user).update(by=None)
