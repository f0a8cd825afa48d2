"""The hand-over's foreign key follows HelpRequest to the helprequests app.

State only: the column and its database constraint already point at the table
``neighbourhoods_helprequest``, which HelpRequest keeps. This runs before
neighbourhoods' 0004 removes the old model, so no state refers to a missing model.
"""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('helprequests', '0001_help_requests_from_neighbourhoods'),
        ('volunteers', '0003_vog_checks'),
    ]

    run_before = [
        ('neighbourhoods', '0004_help_requests_move_to_helprequests'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[],
            state_operations=[
                migrations.AlterField(
                    model_name='handover',
                    name='help_request',
                    field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='volunteer_handovers', to='helprequests.helprequest', verbose_name='help request'),
                ),
            ],
        ),
    ]
