"""Buurtbudget: residents of a wijk propose projects and vote on part of a budget.

A round (made by staff in the admin) commits its amount on a budget line; residents
propose projects during the proposal phase, staff review them for feasibility, and
residents verified with a single-use letter code fill a ballot and cast one vote.
The phase follows from the round's dates (``Round.phase``), never set by hand.
"""

import secrets

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


def _new_salt() -> str:
    return secrets.token_hex(16)


class Phase(models.TextChoices):
    UPCOMING = "upcoming", _("Not started yet")
    PROPOSALS = "proposals", _("Proposals")
    REVIEW = "review", _("Review of the proposals")
    VOTING = "voting", _("Voting")
    COUNTING = "counting", _("Counting")
    RESULTS = "results", _("Results")


class Round(models.Model):
    class Rule(models.TextChoices):
        KNAPSACK = "knapsack", _("Choose projects that together fit the amount")
        APPROVAL = "approval", _("Choose up to a number of projects")

    name = models.CharField(_("name"), max_length=120)
    description = models.TextField(_("description"), blank=True)
    wijken = models.ManyToManyField(
        "neighbourhoods.Neighbourhood",
        verbose_name=_("districts"),
        related_name="+",
        limit_choices_to={"level": "wijk"},
    )
    amount = models.DecimalField(_("amount"), max_digits=10, decimal_places=2)
    budget_line = models.ForeignKey(
        "initiatives.BudgetLine",
        verbose_name=_("budget line"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    allocation = models.OneToOneField(
        "initiatives.BudgetAllocation",
        verbose_name=_("commitment on the budget line"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    proposals_from = models.DateField(_("proposals from"))
    proposals_until = models.DateField(_("proposals until"))
    voting_from = models.DateField(_("voting from"))
    voting_until = models.DateField(_("voting until"))
    results_on = models.DateField(_("results on"))
    minimum_age = models.PositiveSmallIntegerField(
        _("minimum age"),
        null=True,
        blank=True,
        help_text=_("For information only: letter codes go to residents of this age and up."),
    )
    rule = models.CharField(_("voting rule"), max_length=10, choices=Rule.choices)
    max_choices = models.PositiveSmallIntegerField(
        _("most projects to choose"),
        null=True,
        blank=True,
        help_text=_("With the rule 'choose up to a number of projects'."),
    )
    min_choices = models.PositiveSmallIntegerField(
        _("fewest projects to choose"), null=True, blank=True
    )
    code_salt = models.CharField(_("salt of the letter codes"), max_length=64, default=_new_salt)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("budget round")
        verbose_name_plural = _("budget rounds")
        ordering = ["-voting_from", "pk"]
        constraints = [
            models.CheckConstraint(condition=Q(amount__gt=0), name="round_amount_positive"),
            models.CheckConstraint(
                condition=Q(proposals_until__gte=F("proposals_from"))
                & Q(voting_from__gt=F("proposals_until"))
                & Q(voting_until__gte=F("voting_from"))
                & Q(results_on__gt=F("voting_until")),
                name="round_phases_in_order",
            ),
            models.CheckConstraint(
                condition=~Q(rule="approval") | Q(max_choices__gte=1),
                name="round_approval_has_max",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def phase(self) -> str:
        """The phase of today (Europe/Amsterdam), from the dates alone."""
        today = timezone.localdate()
        if today < self.proposals_from:
            return Phase.UPCOMING
        if today <= self.proposals_until:
            return Phase.PROPOSALS
        if today < self.voting_from:
            return Phase.REVIEW
        if today <= self.voting_until:
            return Phase.VOTING
        if today < self.results_on:
            return Phase.COUNTING
        return Phase.RESULTS

    @property
    def phase_label(self) -> str:
        return Phase(self.phase).label

    @property
    def is_knapsack(self) -> bool:
        return self.rule == self.Rule.KNAPSACK


class Proposal(models.Model):
    class Status(models.TextChoices):
        SUBMITTED = "submitted", _("Submitted")
        FEASIBLE = "feasible", _("Feasible")
        NOT_FEASIBLE = "not_feasible", _("Not feasible")

    round = models.ForeignKey(
        Round, verbose_name=_("budget round"), on_delete=models.CASCADE, related_name="proposals"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("proposed by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    title = models.CharField(_("title"), max_length=120)
    description = models.TextField(_("description"))
    estimated_cost = models.DecimalField(_("estimated cost"), max_digits=10, decimal_places=2)
    neighbourhood = models.ForeignKey(
        "neighbourhoods.Neighbourhood",
        verbose_name=_("neighbourhood"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    wijk = models.ForeignKey(
        "neighbourhoods.Neighbourhood",
        verbose_name=_("district"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    status = models.CharField(
        _("status"), max_length=14, choices=Status.choices, default=Status.SUBMITTED
    )
    final_cost = models.DecimalField(
        _("final cost"), max_digits=10, decimal_places=2, null=True, blank=True
    )
    review_reason = models.TextField(_("reason"), blank=True)
    reviewed_at = models.DateTimeField(_("reviewed at"), null=True, blank=True)
    created_at = models.DateTimeField(_("submitted at"), auto_now_add=True)

    class Meta:
        verbose_name = _("project proposal")
        verbose_name_plural = _("project proposals")
        ordering = ["created_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(estimated_cost__gt=0), name="proposal_cost_positive"
            ),
            models.CheckConstraint(
                condition=~Q(status="feasible") | Q(final_cost__gt=0),
                name="proposal_feasible_has_cost",
            ),
        ]
        indexes = [models.Index(fields=["round", "status"], name="proposal_round_status")]

    def __str__(self) -> str:
        return self.title

    @property
    def cost(self):
        """What the project costs on the ballot: the final cost once reviewed."""
        return self.final_cost if self.final_cost is not None else self.estimated_cost


class LetterCode(models.Model):
    """A single-use code sent by letter to a household of a buurt.

    Only a keyed hash of the code is kept (``buurtbudget.eligibility``); the code itself
    exists once, in the CSV staff download for the mail merge.
    """

    round = models.ForeignKey(
        Round, verbose_name=_("budget round"), on_delete=models.CASCADE, related_name="codes"
    )
    buurt = models.ForeignKey(
        "neighbourhoods.Neighbourhood",
        verbose_name=_("neighbourhood"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    digest = models.CharField(_("hash of the code"), max_length=64)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    used_at = models.DateTimeField(_("used at"), null=True, blank=True)

    class Meta:
        verbose_name = _("letter code")
        verbose_name_plural = _("letter codes")
        ordering = ["pk"]
        constraints = [
            models.UniqueConstraint(fields=["round", "digest"], name="letter_code_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.round_id} · {self.buurt_id} · {self.pk}"


class Voter(models.Model):
    """A resident verified for a round; the code's buurt decides their wijk."""

    round = models.ForeignKey(
        Round, verbose_name=_("budget round"), on_delete=models.CASCADE, related_name="voters"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("resident"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    code = models.OneToOneField(
        LetterCode,
        verbose_name=_("letter code"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="voter",
    )
    buurt = models.ForeignKey(
        "neighbourhoods.Neighbourhood",
        verbose_name=_("neighbourhood"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    wijk = models.ForeignKey(
        "neighbourhoods.Neighbourhood",
        verbose_name=_("district"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    verified_at = models.DateTimeField(_("verified at"), default=timezone.now)

    class Meta:
        verbose_name = _("verified voter")
        verbose_name_plural = _("verified voters")
        ordering = ["pk"]
        constraints = [
            models.UniqueConstraint(fields=["round", "user"], name="voter_once_per_round"),
        ]

    def __str__(self) -> str:
        return f"{self.round_id} · {self.user_id}"


class BallotItem(models.Model):
    """A project in a voter's basket, kept across sessions until the vote is cast."""

    voter = models.ForeignKey(
        Voter, verbose_name=_("voter"), on_delete=models.CASCADE, related_name="items"
    )
    proposal = models.ForeignKey(
        Proposal, verbose_name=_("project"), on_delete=models.CASCADE, related_name="+"
    )
    added_at = models.DateTimeField(_("added at"), auto_now_add=True)

    class Meta:
        verbose_name = _("ballot item")
        verbose_name_plural = _("ballot items")
        ordering = ["added_at", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["voter", "proposal"], name="ballot_item_once"),
        ]

    def __str__(self) -> str:
        return f"{self.voter_id} · {self.proposal_id}"


class Vote(models.Model):
    """A cast vote: final. It outlives the voter's account (``voter`` becomes empty), so
    deleting an account never changes a count."""

    round = models.ForeignKey(
        Round, verbose_name=_("budget round"), on_delete=models.CASCADE, related_name="votes"
    )
    voter = models.OneToOneField(
        Voter,
        verbose_name=_("voter"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="vote",
    )
    wijk = models.ForeignKey(
        "neighbourhoods.Neighbourhood",
        verbose_name=_("district"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    proposals = models.ManyToManyField(
        Proposal, verbose_name=_("projects"), related_name="votes", blank=True
    )
    cast_at = models.DateTimeField(_("cast at"), default=timezone.now)

    class Meta:
        verbose_name = _("vote")
        verbose_name_plural = _("votes")
        ordering = ["pk"]

    def __str__(self) -> str:
        return f"{self.round_id} · {self.pk}"
