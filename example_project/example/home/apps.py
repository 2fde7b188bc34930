from django.apps import AppConfig


class HomeConfig(AppConfig):
    name = "example.home"
    label = "example_home"
    verbose_name = "Example home"
    default_auto_field = "django.db.models.BigAutoField"
