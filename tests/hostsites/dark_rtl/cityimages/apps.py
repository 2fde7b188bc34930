from django.apps import AppConfig


class CityImagesConfig(AppConfig):
    name = "cityimages"
    verbose_name = "City images"
