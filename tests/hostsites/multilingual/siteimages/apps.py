from django.apps import AppConfig


class SiteImagesConfig(AppConfig):
    name = "siteimages"
    verbose_name = "Images"
