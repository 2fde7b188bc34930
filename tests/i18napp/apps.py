from django.apps import AppConfig


class I18nAppConfig(AppConfig):
    name = "tests.i18napp"
    label = "i18napp"
    default_auto_field = "django.db.models.BigAutoField"
