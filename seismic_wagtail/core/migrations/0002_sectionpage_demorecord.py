# Written for Wagtail 7.0 / Django 5.2 (the lowest supported), as `make migrations` would generate it there.

import django.db.models.deletion
import seismic_wagtail.core.pages
import wagtail.fields
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('contenttypes', '0002_remove_content_type_name'),
        ('seismic_core', '0001_initial'),
        ('wagtailcore', '0094_alter_page_locale'),
    ]

    operations = [
        migrations.CreateModel(
            name='SectionPage',
            fields=[
                ('page_ptr', models.OneToOneField(auto_created=True, on_delete=django.db.models.deletion.CASCADE, parent_link=True, primary_key=True, serialize=False, to='wagtailcore.page')),
                ('intro', wagtail.fields.RichTextField(blank=True, verbose_name='introduction')),
            ],
            options={
                'verbose_name': 'section page',
                'verbose_name_plural': 'section pages',
            },
            bases=(seismic_wagtail.core.pages.SeismicPageMixin, 'wagtailcore.page'),
        ),
        migrations.CreateModel(
            name='DemoRecord',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('object_id', models.CharField(max_length=64)),
                ('created_at', models.DateTimeField(auto_now_add=True)),
                ('content_type', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to='contenttypes.contenttype')),
            ],
            options={
                'verbose_name': 'demo record',
                'verbose_name_plural': 'demo records',
                'constraints': [models.UniqueConstraint(fields=('content_type', 'object_id'), name='seismic_demo_record_unique')],
            },
        ),
    ]
