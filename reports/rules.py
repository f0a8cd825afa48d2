"""Who may see what of the reports (django-rules). The staff pages are the admin's
(``admin.site.admin_view``); a pilot's public summary exists once it is published."""

import rules


@rules.predicate
def is_published(user, experiment=None) -> bool:
    return experiment is not None and experiment.published


rules.add_perm("reports.view_experiment", is_published)
