"""Comments, abuse reports and moderation (hide, restore, dismiss, block).

Moderators are municipal staff. Nothing they hide is deleted: the item keeps its
text with who hid it, when and why, and every decision is recorded in
ModerationAction. The author hears what was hidden or restored, and why.
"""

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from mijnbuurt.accounts.models import User
from mijnbuurt.core.exceptions import ServiceError
from mijnbuurt.notifications.services import notify

from ..kinds import INITIATIVE_MODERATION
from ..models import (
    MAX_COMMENT_CHARS,
    MAX_REPORT_CHARS,
    VISIBLE_STATUSES,
    AbuseReport,
    Comment,
    Initiative,
    InitiativeUpdate,
    ModerationAction,
    Organiser,
    PostingBlock,
)
from .initiatives import EXCERPT_CHARS, require_not_blocked

Item = Comment | InitiativeUpdate | Initiative

# The name of each kind of item in forms, URLs and notification contexts.
ITEM_KINDS = {"comment": Comment, "update": InitiativeUpdate, "initiative": Initiative}


def item_kind(item: Item) -> str:
    return next(kind for kind, model in ITEM_KINDS.items() if isinstance(item, model))


def _item_field(item: Item) -> dict:
    """The lookup of reports and actions about ``item``: ``{"comment": item}`` etc."""
    return {item_kind(item): item}


def _initiative_of(item: Item) -> Initiative:
    return item if isinstance(item, Initiative) else item.initiative


def _require_login(by) -> None:
    if not by.is_authenticated or not by.is_active:
        raise ServiceError(_("Log in first."), code="login")


def _require_staff(by) -> None:
    if not by.is_authenticated or not by.is_active or not by.is_staff:
        raise ServiceError(_("Only moderators of the municipality can do this."), code="forbidden")


def _clean_reason(reason: str) -> str:
    reason = (reason or "").strip()
    if not reason:
        raise ServiceError(
            _("Give a reason for this decision; it is kept on record."), code="no_reason"
        )
    return reason[:MAX_REPORT_CHARS]


def _is_author(user, item: Item) -> bool:
    if isinstance(item, Initiative):
        return Organiser.objects.filter(initiative=item, user_id=user.pk).exists()
    return item.author_id is not None and item.author_id == user.pk


# --- Comments ---------------------------------------------------------------------------


@transaction.atomic
def comment_post(*, initiative: Initiative, by, body: str) -> Comment:
    """A resident reacts on a public initiative."""
    _require_login(by)
    require_not_blocked(by)
    if initiative.status not in VISIBLE_STATUSES or initiative.hidden_at is not None:
        raise ServiceError(
            _("You can only react to an initiative that everyone can see."), code="not_public"
        )
    body = (body or "").strip()
    if not body:
        raise ServiceError(_("Write something before you post your comment."), code="empty")
    if len(body) > MAX_COMMENT_CHARS:
        raise ServiceError(
            _("A comment can be at most %(count)d characters; yours has %(length)d.")
            % {"count": MAX_COMMENT_CHARS, "length": len(body)},
            code="too_long",
        )
    return Comment.objects.create(initiative=initiative, author=by, body=body)


@transaction.atomic
def comment_delete(*, comment: Comment, by) -> None:
    """Authors may take back their own comment, unless the moderators hid it."""
    _require_login(by)
    comment = Comment.objects.select_for_update().get(pk=comment.pk)
    if comment.author_id != by.pk:
        raise ServiceError(_("You can only delete your own comments."), code="forbidden")
    if comment.hidden_at is not None:
        raise ServiceError(
            _("A comment hidden by the moderators stays on record and cannot be deleted."),
            code="hidden",
        )
    comment.delete()


# --- Reports ----------------------------------------------------------------------------


@transaction.atomic
def content_report(*, item: Item, by, reason: str, text: str = "") -> AbuseReport:
    """Anyone logged in reports a comment, news update or initiative, once while it is open."""
    _require_login(by)
    if reason not in AbuseReport.Reason.values:
        raise ServiceError(_("Choose why you report this."), code="reason")
    text = (text or "").strip()
    if len(text) > MAX_REPORT_CHARS:
        raise ServiceError(
            _("Your explanation can be at most %(count)d characters.")
            % {"count": MAX_REPORT_CHARS},
            code="too_long",
        )
    if reason == AbuseReport.Reason.OTHER and not text:
        raise ServiceError(
            _("Explain briefly what is wrong, so the moderators know what to look at."),
            code="no_text",
        )
    initiative = _initiative_of(item)
    if initiative.status not in VISIBLE_STATUSES or initiative.hidden_at or item.hidden_at:
        raise ServiceError(
            _("This cannot be reported: it is not visible to everyone."), code="not_public"
        )
    if _is_author(by, item):
        raise ServiceError(_("You cannot report something you posted yourself."), code="own")
    try:
        with transaction.atomic():
            return AbuseReport.objects.create(
                reporter=by, reason=reason, text=text, **_item_field(item)
            )
    except IntegrityError:
        raise ServiceError(
            _("You already reported this. The moderators will look at it soon."),
            code="duplicate",
        ) from None


# --- Moderation ---------------------------------------------------------------------------


def _locked(item: Item) -> Item:
    return type(item).objects.select_for_update().get(pk=item.pk)


def _excerpt(item: Item) -> str:
    if isinstance(item, Initiative):
        return ""
    text = item.body if isinstance(item, Comment) else item.text
    if len(text) <= EXCERPT_CHARS:
        return text
    return text[:EXCERPT_CHARS].rsplit(" ", 1)[0] + " …"


def _authors(item: Item) -> list[User]:
    """Who hears about a decision: the author, or all organisers of an initiative."""
    if isinstance(item, Initiative):
        ids = Organiser.objects.filter(initiative=item).values_list("user_id", flat=True)
    else:
        ids = [item.author_id] if item.author_id else []
    return list(User.objects.filter(pk__in=ids, is_active=True).order_by("pk"))


def _anchor(item: Item) -> str:
    if isinstance(item, Comment):
        return f"#comment-{item.pk}"
    if isinstance(item, InitiativeUpdate):
        return f"#update-{item.pk}"
    return ""


def _notify_authors(item: Item, *, action: str, reason: str) -> None:
    initiative = _initiative_of(item)
    context = {
        "initiative_id": initiative.pk,
        "title": initiative.title,
        "item": item_kind(item),
        "action": action,
        "reason": reason,
        "excerpt": _excerpt(item),
    }
    for recipient in _authors(item):
        notify(
            recipient=recipient,
            kind=INITIATIVE_MODERATION.name,
            context=context,
            url_name="initiatives:detail",
            url_kwargs={"pk": initiative.pk},
            anchor=_anchor(item),
        )


def _handle_reports(item: Item, *, by, outcome: str) -> int:
    return AbuseReport.objects.filter(handled_at__isnull=True, **_item_field(item)).update(
        handled_at=timezone.now(), handled_by=by, outcome=outcome
    )


@transaction.atomic
def moderation_hide(*, item: Item, by, reason: str) -> Item:
    """Hide ``item`` from everyone but its author; its open reports are handled."""
    _require_staff(by)
    reason = _clean_reason(reason)
    locked = _locked(item)
    if locked.hidden_at is not None:
        raise ServiceError(_("This has already been hidden."), code="already_hidden")
    locked.hidden_at, locked.hidden_by, locked.hidden_reason = timezone.now(), by, reason
    locked.save(update_fields=["hidden_at", "hidden_by", "hidden_reason"])
    _handle_reports(locked, by=by, outcome=AbuseReport.Outcome.HIDDEN)
    ModerationAction.objects.create(
        action=ModerationAction.Action.HIDE, reason=reason, by=by, **_item_field(locked)
    )
    _notify_authors(locked, action="hidden", reason=reason)
    return locked


@transaction.atomic
def moderation_restore(*, item: Item, by, reason: str) -> Item:
    """Show a hidden item again; the hiding stays on record in ModerationAction."""
    _require_staff(by)
    reason = _clean_reason(reason)
    locked = _locked(item)
    if locked.hidden_at is None:
        raise ServiceError(_("This is not hidden."), code="not_hidden")
    locked.hidden_at, locked.hidden_by, locked.hidden_reason = None, None, ""
    locked.save(update_fields=["hidden_at", "hidden_by", "hidden_reason"])
    ModerationAction.objects.create(
        action=ModerationAction.Action.RESTORE, reason=reason, by=by, **_item_field(locked)
    )
    _notify_authors(locked, action="restored", reason=reason)
    return locked


@transaction.atomic
def moderation_dismiss(*, item: Item, by, reason: str = "") -> int:
    """The reports were unfounded: they are closed and the item stays as it is."""
    _require_staff(by)
    handled = _handle_reports(item, by=by, outcome=AbuseReport.Outcome.DISMISSED)
    if not handled:
        raise ServiceError(_("There are no open reports about this."), code="no_reports")
    ModerationAction.objects.create(
        action=ModerationAction.Action.DISMISS,
        reason=(reason or "").strip()[:MAX_REPORT_CHARS],
        by=by,
        **_item_field(item),
    )
    return handled


@transaction.atomic
def user_block(*, user, by, reason: str) -> PostingBlock:
    """Someone who keeps posting abuse may no longer post anything."""
    _require_staff(by)
    reason = _clean_reason(reason)
    if user.pk == by.pk:
        raise ServiceError(_("You cannot block yourself."), code="self")
    if user.is_staff:
        raise ServiceError(_("Municipal staff cannot be blocked here."), code="staff")
    block, created = PostingBlock.objects.get_or_create(
        user=user, defaults={"reason": reason, "blocked_by": by}
    )
    if not created:
        raise ServiceError(_("This person is already blocked."), code="already_blocked")
    ModerationAction.objects.create(
        action=ModerationAction.Action.BLOCK, reason=reason, by=by, user=user
    )
    return block


@transaction.atomic
def user_unblock(*, user, by, reason: str) -> None:
    _require_staff(by)
    reason = _clean_reason(reason)
    deleted, _rows = PostingBlock.objects.filter(user=user).delete()
    if not deleted:
        raise ServiceError(_("This person is not blocked."), code="not_blocked")
    ModerationAction.objects.create(
        action=ModerationAction.Action.UNBLOCK, reason=reason, by=by, user=user
    )
