"""Help requests moved to the helprequests app: they leave this app's state only.

The tables keep their names and their rows (helprequests' 0001 takes them over with
``Meta.db_table``), so there is nothing to do in the database. The models that point
at HelpRequest go first. Volunteers' 0004 (``run_before`` this one) has moved the
hand-over's foreign key before HelpRequest leaves.
"""

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('neighbourhoods', '0003_help_requests'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[],
            state_operations=[
                migrations.DeleteModel(name='HelpMessage'),
                migrations.DeleteModel(name='HelpRequestEvent'),
                migrations.DeleteModel(name='AccessLog'),
                migrations.DeleteModel(name='Satisfaction'),
                migrations.DeleteModel(name='ReplyTemplate'),
                migrations.DeleteModel(name='HelpRequest'),
            ],
        ),
    ]
