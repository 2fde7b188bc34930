from django.db import migrations

INTRO = (
    "SEiSMiC brought city actors together in national networks in ten European countries, spread social "
    "innovation between them and gave them a voice in the JPI Urban Europe research agenda."
)


def create_homepage(apps, schema_editor):
    """Replace the default "Welcome to Wagtail" page with the example site's home page."""
    ContentType = apps.get_model("contenttypes.ContentType")
    Page = apps.get_model("wagtailcore.Page")
    Site = apps.get_model("wagtailcore.Site")
    HomePage = apps.get_model("example_home.HomePage")

    page_content_type = ContentType.objects.get(model="page", app_label="wagtailcore")
    Page.objects.filter(content_type=page_content_type, slug="home", depth=2).delete()

    homepage_content_type, __ = ContentType.objects.get_or_create(model="homepage", app_label="example_home")
    homepage = HomePage.objects.create(
        title="SEiSMiC",
        draft_title="SEiSMiC",
        slug="home",
        content_type=homepage_content_type,
        path="00010001",
        depth=2,
        numchild=0,
        url_path="/home/",
        intro=INTRO,
    )
    Site.objects.create(hostname="localhost", root_page=homepage, is_default_site=True, site_name="SEiSMiC")


def remove_homepage(apps, schema_editor):
    ContentType = apps.get_model("contenttypes.ContentType")
    HomePage = apps.get_model("example_home.HomePage")
    HomePage.objects.filter(slug="home", depth=2).delete()
    ContentType.objects.filter(model="homepage", app_label="example_home").delete()


class Migration(migrations.Migration):
    run_before = [("wagtailcore", "0053_locale_model")]

    dependencies = [("example_home", "0001_initial")]

    operations = [migrations.RunPython(create_homepage, remove_homepage)]
